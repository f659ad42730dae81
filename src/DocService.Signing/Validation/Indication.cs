using System.Text.Json.Serialization;

namespace DocService.Signing.Validation;

/// <summary>The bottom line of ETSI EN 319 102-1 §5.1.3.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Indication>))]
public enum Indication
{
    [JsonStringEnumMemberName("TOTAL_PASSED")] TotalPassed,
    [JsonStringEnumMemberName("INDETERMINATE")] Indeterminate,
    [JsonStringEnumMemberName("TOTAL_FAILED")] TotalFailed,
}

/// <summary>Why a signature is not TOTAL_PASSED (ETSI EN 319 102-1 §5.1.3, table 5).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubIndication>))]
public enum SubIndication
{
    // TOTAL_FAILED
    [JsonStringEnumMemberName("FORMAT_FAILURE")] FormatFailure,
    [JsonStringEnumMemberName("HASH_FAILURE")] HashFailure,
    [JsonStringEnumMemberName("SIG_CRYPTO_FAILURE")] SigCryptoFailure,
    [JsonStringEnumMemberName("REVOKED")] Revoked,
    [JsonStringEnumMemberName("NOT_YET_VALID")] NotYetValid,

    // INDETERMINATE
    [JsonStringEnumMemberName("SIG_CONSTRAINTS_FAILURE")] SigConstraintsFailure,
    [JsonStringEnumMemberName("CHAIN_CONSTRAINTS_FAILURE")] ChainConstraintsFailure,
    [JsonStringEnumMemberName("CERTIFICATE_CHAIN_GENERAL_FAILURE")] CertificateChainGeneralFailure,
    [JsonStringEnumMemberName("CRYPTO_CONSTRAINTS_FAILURE")] CryptoConstraintsFailure,
    [JsonStringEnumMemberName("EXPIRED")] Expired,
    [JsonStringEnumMemberName("NO_SIGNING_CERTIFICATE_FOUND")] NoSigningCertificateFound,
    [JsonStringEnumMemberName("NO_CERTIFICATE_CHAIN_FOUND")] NoCertificateChainFound,
    [JsonStringEnumMemberName("REVOKED_NO_POE")] RevokedNoPoe,
    [JsonStringEnumMemberName("REVOKED_CA_NO_POE")] RevokedCaNoPoe,
    [JsonStringEnumMemberName("OUT_OF_BOUNDS_NO_POE")] OutOfBoundsNoPoe,
    [JsonStringEnumMemberName("TRY_LATER")] TryLater,
    [JsonStringEnumMemberName("TIMESTAMP_ORDER_FAILURE")] TimestampOrderFailure,
    [JsonStringEnumMemberName("SIGNED_DATA_NOT_FOUND")] SignedDataNotFound,
}

/// <summary>What a signature's /ByteRange covers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Coverage>))]
public enum Coverage
{
    /// <summary>The whole file as it is now.</summary>
    EntireFile,

    /// <summary>Exactly an earlier revision: later revisions were appended after it.</summary>
    Revision,

    /// <summary>Neither: it stops short of a revision end, leaves more than its /Contents out, or points outside the file.</summary>
    Unclear,
}

/// <summary>The most significant kind of change made by the revisions after a signature (pyHanko's ModificationLevel, ordered).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModificationLevel>))]
public enum ModificationLevel
{
    None,

    /// <summary>Only validation material: DSS, VRI, document timestamps.</summary>
    LtvOnly,

    /// <summary>Form field values, signatures in existing fields, their appearances.</summary>
    FormFillAndSignatures,

    /// <summary>Annotations added, changed or removed.</summary>
    Annotations,

    /// <summary>Anything else: page content, resources, page tree, signature dictionaries, unknown objects.</summary>
    Other,
}

/// <summary>The PAdES baseline level a signature reaches; <see cref="None"/> when not even B-B.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LevelReached>))]
public enum LevelReached
{
    [JsonStringEnumMemberName("None")] None,
    [JsonStringEnumMemberName("B-B")] BB,
    [JsonStringEnumMemberName("B-T")] BT,
    [JsonStringEnumMemberName("B-LT")] BLT,
    [JsonStringEnumMemberName("B-LTA")] BLTA,
}

/// <summary>The attack classes of Mladenov et al., "1 Trillion Dollar Refund" (PDF-Insecurity, 2019) and the shadow attacks (2021).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PdfAttack>))]
public enum PdfAttack
{
    /// <summary>ISA: content appended after the signature changes what is shown.</summary>
    IncrementalSavingAttack,

    /// <summary>SWA: the ByteRange is bent so that the signed bytes are moved aside and other bytes shown.</summary>
    SignatureWrapping,

    /// <summary>USF: signature values or ByteRange missing or malformed, to trick a validator into skipping them.</summary>
    UniversalSignatureForgery,

    /// <summary>Shadow attack: hidden content present at signing, revealed by a permitted-looking update.</summary>
    ShadowHide,

    ShadowReplace,

    ShadowHideAndReplace,
}
