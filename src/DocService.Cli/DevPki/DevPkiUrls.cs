namespace DocService.Cli.DevPki;

/// <summary>
/// Where the development revocation services listen; the URLs are baked into every end-entity certificate,
/// so tests run a CRL server and an OCSP responder on these loopback ports.
/// </summary>
internal static class DevPkiUrls
{
    public const string IssuingCaCrl = "http://127.0.0.1:8089/crl/issuing-ca.crl";
    public const string Ocsp = "http://127.0.0.1:8088/ocsp";
}
