namespace DocService.Api.Domain.Keys;

/// <summary>A signature or seal image (PNG with transparency) drawn into visible signatures.</summary>
public sealed class OwnerImage
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public KeyOwnerKind OwnerKind { get; init; }
    public string OwnerId { get; init; } = "";
    public OwnerImageKind Kind { get; init; }
    public byte[] Png { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
