using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.DevPki;

public sealed class KeyStoreTests(GeneratedPki pki)
{
    [Fact]
    public void Index_lists_every_role()
    {
        pki.Index.Select(entry => entry.Role).Distinct().ShouldBe(
            ["root-ca", "issuing-ca", "official", "organisation", "tsa", "ocsp", "revoked", "expired"], ignoreOrder: true);
    }

    [Fact]
    public void Every_index_entry_points_at_files_that_exist()
    {
        foreach (var entry in pki.Index)
        {
            File.Exists(pki.PathOf(entry.Certificate)).ShouldBeTrue(entry.Certificate);
            File.Exists(pki.PathOf(entry.Pkcs12)).ShouldBeTrue(entry.Pkcs12);
        }
    }

    [Fact]
    public void Every_key_store_opens_with_its_password_and_holds_the_key_of_its_certificate()
    {
        foreach (var entry in pki.Index)
        {
            using var fromKeyStore = X509CertificateLoader.LoadPkcs12FromFile(pki.PathOf(entry.Pkcs12), entry.Password);
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(pki.PathOf(entry.Certificate));

            fromKeyStore.HasPrivateKey.ShouldBeTrue(entry.Name);
            fromKeyStore.Thumbprint.ShouldBe(certificate.Thumbprint, entry.Name);
        }
    }

    [Fact]
    public void Every_key_store_holds_exactly_one_private_key_its_own()
    {
        foreach (var entry in pki.Index)
        {
            var contents = X509CertificateLoader.LoadPkcs12CollectionFromFile(pki.PathOf(entry.Pkcs12), entry.Password);
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(pki.PathOf(entry.Certificate));
            var withKeys = contents.Where(c => c.HasPrivateKey).ToList();
            withKeys.Count.ShouldBe(1, entry.Pkcs12);
            withKeys[0].Thumbprint.ShouldBe(certificate.Thumbprint, entry.Pkcs12);
            foreach (var c in contents)
                c.Dispose();
        }
    }

    [Fact]
    public void Every_key_store_opens_with_openssl()
    {
        foreach (var entry in pki.Index)
        {
            var (exitCode, output) = OpenSsl.Run(pki.Directory, "pkcs12", "-in", entry.Pkcs12, "-passin", $"pass:{entry.Password}", "-nokeys");
            exitCode.ShouldBe(0, $"{entry.Name}: {output}");
            output.ShouldContain("BEGIN CERTIFICATE", customMessage: entry.Name);
        }
    }

    [Fact]
    public void Key_stores_are_encrypted_with_aes_256_and_an_sha_256_mac()
    {
        var (exitCode, output) = OpenSsl.Run(pki.Directory,
            "pkcs12", "-in", "official-rsa2048.p12", "-passin", "pass:dev-password", "-info", "-noout");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("MAC: sha256");
        output.ShouldContain("AES-256-CBC");
        output.ShouldNotContain("RC2");
        output.ShouldNotContain("3DES");
    }

    [Fact]
    public void End_entity_key_stores_carry_the_issuing_ca()
    {
        foreach (var entry in pki.WithRole("official", "organisation", "tsa", "ocsp", "revoked", "expired"))
        {
            var (_, output) = OpenSsl.Run(pki.Directory, "pkcs12", "-in", entry.Pkcs12, "-passin", $"pass:{entry.Password}", "-nokeys");
            Regex.Count(output, "BEGIN CERTIFICATE").ShouldBe(2, entry.Name);
            output.ShouldContain("DocService Development Issuing CA", customMessage: entry.Name);
        }
    }

    [Fact]
    public void Wrong_password_does_not_open_a_key_store()
    {
        var (exitCode, _) = OpenSsl.Run(pki.Directory, "pkcs12", "-in", "official-rsa2048.p12", "-passin", "pass:wrong", "-nokeys");

        exitCode.ShouldNotBe(0);
    }
}
