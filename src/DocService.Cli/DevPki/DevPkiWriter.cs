using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DocService.Cli.DevPki;

/// <summary>Writes a <see cref="DevPkiBundle"/> as PEM certificates, PKCS#12 key stores, the CRL, index.json and README.md.</summary>
internal static class DevPkiWriter
{
    /// <summary>One password for every key store: these keys protect nothing, and tests need to open them.</summary>
    public const string Pkcs12Password = "dev-password";

    public const string CrlFileName = "issuing-ca.crl";
    public const string CrlPemFileName = "issuing-ca.crl.pem";

    // PBES2 with AES-256-CBC and an SHA-256 MAC: OpenSSL 3 reads it without the legacy provider.
    static readonly PbeParameters Pkcs12Encryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);

    static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <returns>The paths written, in order.</returns>
    public static IReadOnlyList<string> Write(DevPkiBundle pki, DirectoryInfo directory)
    {
        directory.Create();
        var written = new List<string>();
        void WriteFile(string fileName, byte[] contents)
        {
            var path = Path.Combine(directory.FullName, fileName);
            File.WriteAllBytes(path, contents);
            written.Add(path);
        }

        var index = new List<DevPkiIndexEntry>();
        foreach (var entry in pki.Entries)
        {
            var certificateFile = $"{entry.Name}.crt";
            var pkcs12File = $"{entry.Name}.p12";
            WriteFile(certificateFile, Utf8.GetBytes(entry.Certificate.ExportCertificatePem() + "\n"));
            WriteFile(pkcs12File, KeyStore(entry));
            index.Add(new DevPkiIndexEntry(entry.Name, entry.Role, entry.KeyType.Label(), certificateFile, pkcs12File, Pkcs12Password));
        }

        WriteFile(CrlFileName, pki.IssuingCaCrl);
        WriteFile(CrlPemFileName, Utf8.GetBytes(new string(PemEncoding.Write("X509 CRL", pki.IssuingCaCrl)) + "\n"));
        WriteFile(DevPkiIndex.FileName, Utf8.GetBytes(DevPkiIndex.Serialize(index)));
        WriteFile(DevPkiReadme.FileName, Utf8.GetBytes(DevPkiReadme.Render(pki, index)));
        return written;
    }

    /// <summary>The entry's key with its certificate, and the intermediates without theirs: a key store handed to an official must never carry the CA's key.</summary>
    static byte[] KeyStore(DevPkiEntry entry)
    {
        X509Certificate2Collection certificates = [entry.Certificate, .. entry.Intermediates.Select(i => X509CertificateLoader.LoadCertificate(i.RawData))];
        return certificates.ExportPkcs12(Pkcs12Encryption, Pkcs12Password);
    }
}
