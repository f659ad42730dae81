using System.Globalization;
using System.Text;

namespace DocService.Cli.DevPki;

/// <summary>The README.md written beside the PKI, so the checked-in folder explains itself.</summary>
internal static class DevPkiReadme
{
    public const string FileName = "README.md";

    public static string Render(DevPkiBundle pki, IReadOnlyList<DevPkiIndexEntry> index)
    {
        var text = new StringBuilder();
        text.Append($$"""
            # Development PKI

            > **For development and tests only. NEVER trust these certificates in production.**
            > Every private key is in this folder, protected by a published password; anyone can sign as
            > these "officials", this "organisation", this TSA or this OCSP responder.

            Generated {{Date(pki.GeneratedAt)}} by `docsvc dev-pki`. To regenerate, from the repository root:

            ```sh
            dotnet run --project src/DocService.Cli -- dev-pki certs-dev --force
            ```

            (`--force` because the command refuses to overwrite a non-empty directory.) Regenerating replaces
            every key and serial number, so anything signed with the old keys stops chaining to the new root.

            ## Chain

            `root` (self-signed) → `issuing-ca` (path length 0) → every other certificate.

            ## Files

            Certificates are PEM (`*.crt`). Each `*.p12` holds the private key and the certificate, plus the
            issuing CA for end entities; all use the password `{{DevPkiWriter.Pkcs12Password}}` (PBES2, AES-256-CBC, SHA-256).

            | certificate | key store | role | key | subject | valid until |
            |---|---|---|---|---|---|

            """);
        foreach (var (entry, line) in pki.Entries.Zip(index))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| `{line.Certificate}` | `{line.Pkcs12}` | {line.Role} | {line.KeyType} | {entry.Certificate.Subject} | {Date(entry.Certificate.NotAfter)} |\n");
        }

        text.Append($$"""

            | file | what |
            |---|---|
            | `{{DevPkiWriter.CrlFileName}}` | the issuing CA's CRL (DER), listing `revoked` (key compromise); next update {{Date(pki.CrlNextUpdate)}} |
            | `{{DevPkiWriter.CrlPemFileName}}` | the same CRL as PEM |
            | `{{DevPkiIndex.FileName}}` | every entry: `name`, `role`, `keyType`, `certificate`, `pkcs12`, `password` (paths relative to this folder) |

            Roles: `official` — a person's signing certificate, as on a government USB token (RSA-2048, RSA-3072,
            ECDSA P-256); `organisation` — the organ's seal, organ code in the subject's serialNumber; `tsa` —
            RFC 3161 time-stamping (critical timeStamping EKU); `ocsp` — delegated OCSP responder (OCSPSigning EKU,
            id-pkix-ocsp-nocheck); `revoked` — listed in the CRL; `expired` — its validity has already ended.

            ## Revocation endpoints

            End-entity certificates (except the OCSP responder's) name the service itself, at the address
            `dotnet run --project src/DocService.Api` listens on by default:

            - CRL distribution point: `{{DevPkiUrls.IssuingCaCrl}}`
            - OCSP (authority information access): `{{DevPkiUrls.Ocsp}}`

            In Development (and only there) the service answers both: `POST /api/v1/dev/ocsp` is an RFC 6960
            responder signing with `ocsp.p12` (`revoked` answers revoked, as the CRL lists it; every other
            certificate this CA issued answers good), and `GET /api/v1/dev/crl/issuing-ca.crl` serves
            `issuing-ca.crl`. Run on another address (`--urls http://127.0.0.1:5123`), the service fetches these
            two URLs from its own address instead, so what the certificates name and what answers them stay the
            same service. Tests point the same URLs at their own responders with `Validation:UrlOverrides`.

            Ask by hand while the service runs on the default address:

            ```sh
            openssl ocsp -issuer issuing-ca.crt -cert revoked.crt -url {{DevPkiUrls.Ocsp}} \
                -CAfile root.crt -VAfile ocsp.crt
            curl -s {{DevPkiUrls.IssuingCaCrl}} | openssl crl -inform DER -noout -text
            ```

            ## Checking by hand

            ```sh
            openssl verify -CAfile root.crt -untrusted issuing-ca.crt official-rsa2048.crt
            openssl verify -crl_check -CAfile root.crt -untrusted issuing-ca.crt -CRLfile issuing-ca.crl.pem revoked.crt
            openssl pkcs12 -in official-rsa2048.p12 -passin pass:{{DevPkiWriter.Pkcs12Password}} -nokeys
            ```

            """);
        return text.ToString();
    }

    static string Date(DateTime moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string Date(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
