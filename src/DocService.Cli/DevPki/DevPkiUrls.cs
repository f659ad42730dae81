namespace DocService.Cli.DevPki;

/// <summary>
/// Where the development revocation services are: the service itself, which in Development answers OCSP and serves
/// the issuing CA's CRL under <c>/api/v1/dev/</c>. The URLs are baked into every end-entity certificate, so they name
/// the address <c>dotnet run</c> listens on by default; a service on another address maps them onto itself, and tests
/// map them onto their own responders (<c>Validation:UrlOverrides</c>).
/// </summary>
internal static class DevPkiUrls
{
    public const string IssuingCaCrl = "http://localhost:5080/api/v1/dev/crl/issuing-ca.crl";
    public const string Ocsp = "http://localhost:5080/api/v1/dev/ocsp";
}
