namespace DocService.Pdf.Objects;

/// <summary>An indirect object's identity: object number and generation.</summary>
public readonly record struct ObjectId(int Number, int Generation)
{
    public override string ToString() => $"{Number} {Generation}";
}
