using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Crypto;
using DocService.Signing.Validation.Pdf;
using DocService.Signing.Validation.Revocation;
using DocService.Signing.Validation.Trust;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Asn1.Pkcs;

namespace DocService.Signing.Ltv;

/// <summary>What one DSS update added, and what could not be had.</summary>
/// <remarks><c>Missing</c>: certificates whose chain does not reach a trust anchor and for which no revocation data was found (other tools' signatures).</remarks>
public sealed record LtvResult(int CertificatesAdded, int OcspResponsesAdded, int CrlsAdded, IReadOnlyList<string> Missing);

/// <summary>
/// PAdES B-LT (EN 319 142-1 §5.4): the Document Security Store gets the certificates of every
/// signature's and timestamp's chain, and OCSP responses or CRLs for each of them, fetched now
/// with the validator's own revocation fetcher (so what is stored is what validation accepts).
/// The DSS is written as an incremental update; entries already in it are kept, not repeated.
/// </summary>
/// <remarks>
/// For a chain that reaches a configured trust anchor, missing revocation data is an error
/// (<see cref="RevocationUnavailableException"/>) and nothing is written. For chains we cannot
/// vouch for — other tools' signatures under foreign CAs — whatever can be had is stored and the
/// rest is reported in <see cref="LtvResult.Missing"/>.
/// </remarks>
public sealed class LtvExtender(ValidationOptions options)
{
    readonly RevocationChecker _revocation = new(options with { Revocation = options.Revocation with { FetchOnline = true } });

    public async Task<LtvResult> AddValidationDataAsync(Stream input, Stream output, CancellationToken ct)
    {
        var document = PdfDocument.Open(input, options.Limits);
        var snapshots = new RevisionSnapshots(input, document, options.Limits);
        var existing = DssReader.Read(document);
        var store = new DssContent(existing);
        var known = existing.Certificates.Select(TryLoad).OfType<X509Certificate2>().Concat(options.Intermediates).ToList();
        var now = options.ValidationTime ?? options.TimeProvider.GetUtcNow();
        var missing = new List<string>();
        var done = new HashSet<string>();

        foreach (var signature in SignatureLocator.FindAll(input, snapshots, []).Where(s => s.PresentAtEnd))
        {
            if (Parse(signature.Contents) is not { SignerCertificate: { } signer } cms)
                continue;
            var purpose = signature.IsDocumentTimestamp ? CertificatePurpose.Timestamping : CertificatePurpose.Signing;
            await AddChainAsync(signer, cms.Certificates.Concat(known), purpose, store, missing, done, now, ct);
            foreach (var tokenValue in cms.UnsignedAttributeValues(PkcsObjectIdentifiers.IdAASignatureTimeStampToken))
            {
                if (Parse(tokenValue.GetEncoded(Asn1Encodable.Der)) is not { } token)
                    continue;
                token.SignerCertificate ??= token.FindSignerIn(cms.Certificates.Concat(known));
                if (token.SignerCertificate is { } tsa)
                    await AddChainAsync(tsa, token.Certificates.Concat(cms.Certificates).Concat(known), CertificatePurpose.Timestamping, store, missing, done, now, ct);
            }
        }

        var update = new IncrementalUpdate(document);
        WriteDss(document, update, store);
        update.WriteTo(output);
        return new LtvResult(store.Certificates.Added.Count, store.Ocsp.Added.Count, store.Crls.Added.Count, missing);
    }

    async Task AddChainAsync(X509Certificate2 leaf, IEnumerable<X509Certificate2> extra, CertificatePurpose purpose, DssContent store,
        List<string> missing, HashSet<string> done, DateTimeOffset now, CancellationToken ct)
    {
        var chain = ChainBuilder.Build(leaf, extra, options.TrustAnchors, now, purpose);
        var trusted = chain.Status == TrustStatus.Trusted || chain.Elements.Count > 1 && options.TrustAnchors.Any(a => a.Thumbprint == chain.Elements[^1].Thumbprint);
        foreach (var certificate in chain.Elements)
            store.Certificates.Add(certificate.RawData);
        if (chain.Elements.Count < 2)
        {
            missing.Add($"{Name(leaf)}: the issuer's certificate is not available.");
            return;
        }
        for (var i = 0; i + 1 < chain.Elements.Count; i++)
        {
            var (certificate, issuer) = (chain.Elements[i], chain.Elements[i + 1]);
            if (!done.Add(certificate.Thumbprint) || RevocationChecker.IsOcspNoCheck(certificate) || !RevocationChecker.NamesRevocationService(certificate))
                continue;
            var problems = new List<string>();
            var fetched = await _revocation.FetchOnlineAsync(certificate, issuer, now, now, problems, ct);
            if (fetched is null)
            {
                if (trusted)
                    throw new RevocationUnavailableException(Name(certificate), problems);
                missing.Add($"{Name(certificate)}: {string.Join("; ", problems)}");
                continue;
            }
            if (fetched.IsOcsp)
            {
                store.Ocsp.Add(fetched.Bytes);
                foreach (var responder in ResponderCertificates(fetched.Bytes))
                    store.Certificates.Add(responder);
            }
            else
            {
                store.Crls.Add(fetched.Bytes);
            }
        }
    }

    /// <summary>The catalog's /DSS with the new streams appended to its arrays (everything else in it, /VRI included, kept).</summary>
    static void WriteDss(PdfDocument document, IncrementalUpdate update, DssContent store)
    {
        var current = document.Catalog["DSS"];
        var dss = document.Resolve(current) as PdfDictionary ?? PdfDictionary.Of(("Type", new PdfName("DSS")));
        dss = Append(document, update, dss, "Certs", store.Certificates.Added);
        dss = Append(document, update, dss, "OCSPs", store.Ocsp.Added);
        dss = Append(document, update, dss, "CRLs", store.Crls.Added);
        if (current is PdfReference reference)
        {
            update.Replace(reference.Id.Number, dss);
            return;
        }
        if (document.Trailer[PdfName.Root] is not PdfReference root)
            throw new DocService.Pdf.PdfSyntaxException("The trailer's /Root is not an indirect reference, so the catalog cannot be updated", document.StartXref);
        update.Replace(root.Id.Number, document.Catalog.With("DSS", update.Add(dss)));
    }

    static PdfDictionary Append(PdfDocument document, IncrementalUpdate update, PdfDictionary dss, string key, IReadOnlyList<byte[]> added)
    {
        if (added.Count == 0)
            return dss;
        var existing = document.Resolve(dss[key]) as PdfArray ?? PdfArray.Empty;
        var items = existing.Concat(added.Select(bytes => (PdfObject)update.Add(new PdfStream(PdfDictionary.Empty, bytes))));
        return dss.Without(new PdfName(key)).With(key, new PdfArray(items));
    }

    static IEnumerable<byte[]> ResponderCertificates(byte[] ocspResponse)
    {
        try
        {
            var response = OcspResponse.GetInstance(Asn1Object.FromByteArray(ocspResponse));
            var basic = BasicOcspResponse.GetInstance(Asn1Object.FromByteArray(response.ResponseBytes.Response.GetOctets()));
            return basic.Certs?.OfType<Asn1Encodable>().Select(c => c.GetEncoded(Asn1Encodable.Der)).ToList() ?? [];
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return [];
        }
    }

    static CmsSignedData? Parse(byte[]? contents)
    {
        if (contents is not { Length: > 0 })
            return null;
        try
        {
            return CmsSignedData.Parse(contents);
        }
        catch (CmsFormatException)
        {
            return null;
        }
    }

    static X509Certificate2? TryLoad(byte[] der)
    {
        try
        {
            return CertificateCache.Load(der);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    static string Name(X509Certificate2 certificate) => certificate.GetNameInfo(X509NameType.SimpleName, false);

    /// <summary>One DSS array's entries: those already stored (by hash) and those this update adds.</summary>
    sealed class DssEntries(IEnumerable<byte[]> existing)
    {
        readonly HashSet<string> _seen = existing.Select(Key).ToHashSet();
        public List<byte[]> Added { get; } = [];

        public void Add(byte[] bytes)
        {
            if (_seen.Add(Key(bytes)))
                Added.Add(bytes);
        }

        static string Key(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
    }

    sealed class DssContent(DocumentSecurityStore existing)
    {
        public DssEntries Certificates { get; } = new(existing.Certificates);
        public DssEntries Ocsp { get; } = new(existing.OcspResponses);
        public DssEntries Crls { get; } = new(existing.Crls);
    }
}
