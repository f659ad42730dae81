using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Keys;

namespace DocService.Signing.Tests.Support;

/// <summary>The development PKI in certs-dev (see its README): keys are loaded once per test run.</summary>
public static class DevPki
{
    public const string Password = "dev-password";

    static readonly ConcurrentDictionary<(string, SignatureAlgorithm?), Pkcs12Signer> Signers = new();

    public static string Directory { get; } = Locate();

    public static string CertificatePath(string name) => Path.Combine(Directory, name + ".crt");

    public static string RootCertificatePath => CertificatePath("root");

    public static byte[] Pkcs12(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".p12"));

    public static X509Certificate2 Certificate(string name) => X509CertificateLoader.LoadCertificateFromFile(CertificatePath(name));

    /// <summary>A shared signer; tests must not dispose it.</summary>
    public static Pkcs12Signer Signer(string name, SignatureAlgorithm? algorithm = null) =>
        Signers.GetOrAdd((name, algorithm), key => new Pkcs12Signer(Pkcs12(key.Item1), Password, key.Item2));

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocService.sln")))
            {
                return Path.Combine(dir.FullName, "certs-dev");
            }
        }
        throw new InvalidOperationException($"No DocService.sln above {AppContext.BaseDirectory}.");
    }
}
