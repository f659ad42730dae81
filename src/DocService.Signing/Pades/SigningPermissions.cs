using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Pades;

/// <summary>
/// Decides whether a document lets us add a signature, before a byte is written: DocMDP of the
/// certification signature, FieldMDP locks of signed fields, and the state of the target field.
/// </summary>
public static class SigningPermissions
{
    public static void Check(PdfDocument document, string fieldName, bool certify)
    {
        if (document.IsEncrypted)
            throw new SignatureNotPermittedException("signature.document_encrypted", "The document is encrypted; encrypted PDFs are not signed here.");

        var field = document.Fields.FirstOrDefault(f => f.FullName == fieldName);
        if (field is not null && !field.IsSignature)
            throw new SignatureNotPermittedException("signature.field_not_signature", $"Field '{fieldName}' is not a signature field.");
        if (field is { IsSigned: true })
            throw new SignatureNotPermittedException("signature.field_already_signed", $"Field '{fieldName}' is already signed.");

        var signed = document.Fields.Where(f => f.IsSigned).ToList();
        if (certify && signed.Count > 0)
            throw new SignatureNotPermittedException("signature.certification_not_first", "Only the first signature of a document can certify it.");

        // P=2 and P=3 permit signing, and a new signature field to sign in (ISO 32000-2 §12.8.2.2;
        // Acrobat, pyHanko and our validator agree), so a document certified elsewhere can take ours.
        if (CertificationPermission(document) == DocMdpPermission.NoChanges)
            throw new SignatureNotPermittedException("signature.document_locked", "The document is certified with no changes permitted (DocMDP P=1).");

        foreach (var lockingField in signed)
        {
            if (LockOf(document, lockingField) is { } fieldLock && fieldLock.Forbids(fieldName))
                throw new SignatureNotPermittedException("signature.document_locked",
                    $"The signature in '{lockingField.FullName}' locks {fieldLock.Describe()} (FieldMDP); '{fieldName}' cannot be signed.");
        }
    }

    /// <summary>
    /// A document timestamp (and the DSS before it) is validation data, which every DocMDP level and
    /// field lock permits (ISO 32000-2 §12.8.2.2.2); only encryption and the target field matter.
    /// </summary>
    public static void CheckDocumentTimestamp(PdfDocument document, string fieldName)
    {
        if (document.IsEncrypted)
            throw new SignatureNotPermittedException("signature.document_encrypted", "The document is encrypted; encrypted PDFs are not signed here.");
        if (document.Fields.FirstOrDefault(f => f.FullName == fieldName) is { } field)
            throw new SignatureNotPermittedException("signature.field_already_signed", $"Field '{field.FullName}' already exists; a document timestamp takes a new field.");
    }

    /// <summary>The /P of the certification signature (catalog /Perms /DocMDP), when there is one.</summary>
    public static DocMdpPermission? CertificationPermission(PdfDocument document)
    {
        if (document.Get<PdfDictionary>(document.Catalog, new PdfName("Perms")) is not { } perms
            || document.Get<PdfDictionary>(perms, new PdfName("DocMDP")) is not { } signature)
            return null;
        var parameters = TransformParameters(document, signature, "DocMDP");
        var p = parameters?.GetInteger(PdfName.P) ?? 2; // §12.8.2.2: absent /P means 2
        return p is >= 1 and <= 3 ? (DocMdpPermission)p : DocMdpPermission.NoChanges;
    }

    /// <summary>The lock a signed field's signature applies: its FieldMDP transform, or the field's /Lock.</summary>
    static FieldLock? LockOf(PdfDocument document, PdfFormField field)
    {
        var signature = (PdfDictionary)field.Value!;
        var parameters = TransformParameters(document, signature, "FieldMDP")
            ?? document.Get<PdfDictionary>(field.Dictionary, new PdfName("Lock"));
        return parameters is null ? null : FieldLock.From(document, parameters);
    }

    static PdfDictionary? TransformParameters(PdfDocument document, PdfDictionary signature, string method)
    {
        if (document.Get<PdfArray>(signature, new PdfName("Reference")) is not { } references)
            return null;
        return references
            .Select(r => document.Resolve(r) as PdfDictionary)
            .Where(r => r?["TransformMethod"] is PdfName name && name.Value == method)
            .Select(r => document.Get<PdfDictionary>(r!, new PdfName("TransformParams")))
            .FirstOrDefault(p => p is not null);
    }
}

/// <summary>A FieldMDP lock (§12.8.2.4) or signature field lock dictionary (§12.7.5.5).</summary>
public sealed record FieldLock(string Action, IReadOnlyList<string> Fields, int? Permission)
{
    public static FieldLock From(PdfDocument document, PdfDictionary parameters) => new(
        (parameters["Action"] as PdfName)?.Value ?? "All",
        (document.Get<PdfArray>(parameters, PdfName.Fields) ?? PdfArray.Empty)
            .Select(f => document.Resolve(f)).OfType<PdfString>().Select(s => s.ToText()).ToList(),
        (int?)parameters.GetInteger(PdfName.P));

    /// <summary>Whether a new signature in <paramref name="fieldName"/> would break this lock.</summary>
    public bool Forbids(string fieldName) =>
        Permission == 1
        || Action == "All"
        || (Action == "Include" && Fields.Contains(fieldName))
        || (Action == "Exclude" && !Fields.Contains(fieldName));

    public string Describe() => Action switch
    {
        "All" => "every field",
        "Include" => "the fields " + string.Join(", ", Fields),
        _ => "every field except " + string.Join(", ", Fields),
    } + (Permission == 1 ? " and permits no changes" : "");
}
