namespace DocService.Signing.Pades;

/// <summary>What a certification signature lets later revisions change (ISO 32000-2 §12.8.2.2, /P).</summary>
public enum DocMdpPermission
{
    NoChanges = 1,
    FormFillingAndSigning = 2,
    FormFillingSigningAndAnnotations = 3,
}

/// <summary>How the signature's CMS is labelled in the PDF (/SubFilter).</summary>
public enum PadesSubFilter
{
    /// <summary>ETSI.CAdES.detached: PAdES baseline (ETSI EN 319 142-1).</summary>
    EtsiCadesDetached,

    /// <summary>adbe.pkcs7.detached: for readers that predate PAdES.</summary>
    AdobePkcs7Detached,

    /// <summary>ETSI.RFC3161: a document timestamp (/Type /DocTimeStamp), an RFC 3161 token over the ByteRange.</summary>
    EtsiRfc3161,
}
