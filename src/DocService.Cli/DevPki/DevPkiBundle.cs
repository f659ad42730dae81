using System.Security.Cryptography.X509Certificates;

namespace DocService.Cli.DevPki;

/// <summary>The roles written to <c>index.json</c>; tests pick certificates by these.</summary>
internal static class DevPkiRole
{
    public const string RootCa = "root-ca";
    public const string IssuingCa = "issuing-ca";
    public const string Official = "official";
    public const string Organisation = "organisation";
    public const string Tsa = "tsa";
    public const string Ocsp = "ocsp";
    public const string Revoked = "revoked";
    public const string Expired = "expired";
}

/// <summary>One certificate of the development PKI, with its private key.</summary>
/// <param name="Name">File stem: <c>{Name}.crt</c> and <c>{Name}.p12</c>.</param>
/// <param name="Role">One of <see cref="DevPkiRole"/>.</param>
/// <param name="KeyType">The algorithm and size of the subject's key.</param>
/// <param name="Certificate">With its private key.</param>
/// <param name="Intermediates">CA certificates between this one and the root, shipped inside its PKCS#12.</param>
internal sealed record DevPkiEntry(
    string Name, string Role, KeyType KeyType, X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Intermediates);

/// <summary>Everything one run of the generator issued.</summary>
/// <param name="Entries">Root first, then the issuing CA, then the end entities.</param>
/// <param name="IssuingCaCrl">DER CRL from the issuing CA, listing the revoked entry.</param>
/// <param name="GeneratedAt">The moment the PKI was issued; validity periods are measured from it.</param>
/// <param name="CrlNextUpdate">When the CRL stops being current.</param>
internal sealed record DevPkiBundle(
    IReadOnlyList<DevPkiEntry> Entries, byte[] IssuingCaCrl, DateTimeOffset GeneratedAt, DateTimeOffset CrlNextUpdate) : IDisposable
{
    public void Dispose()
    {
        foreach (var entry in Entries)
            entry.Certificate.Dispose();
    }
}
