using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace DocService.Cli.Tests.DevPki;

public sealed class ProfileTests(GeneratedPki pki)
{
    [Fact]
    public void Tsa_certificate_has_only_the_critical_time_stamping_eku()
    {
        var text = OpenSsl.Text(pki.Directory, pki.WithRole("tsa").Single().Certificate);

        Regex.IsMatch(text, @"X509v3 Extended Key Usage: critical\s+Time Stamping\s*\n").ShouldBeTrue(text);
    }

    [Fact]
    public void Ocsp_responder_signs_responses_and_is_exempt_from_revocation_checks()
    {
        var text = OpenSsl.Text(pki.Directory, pki.WithRole("ocsp").Single().Certificate);

        text.ShouldContain("OCSP Signing");
        text.ShouldContain("OCSP No Check");
        text.ShouldNotContain("CRL Distribution Points");
    }

    [Fact]
    public void Signing_certificates_allow_digital_signature_and_non_repudiation()
    {
        foreach (var entry in pki.WithRole("official", "organisation"))
        {
            var text = OpenSsl.Text(pki.Directory, entry.Certificate);
            Regex.IsMatch(text, @"Key Usage: critical\s+Digital Signature, Non Repudiation").ShouldBeTrue(entry.Name);
            text.ShouldContain("CA:FALSE", customMessage: entry.Name);
        }
    }

    [Fact]
    public void Officials_hold_the_key_types_of_government_tokens()
    {
        pki.WithRole("official").Select(entry => entry.KeyType).ShouldBe(["RSA-2048", "RSA-3072", "ECDSA-P256"], ignoreOrder: true);
    }

    [Fact]
    public void Every_certificate_holds_the_key_type_the_index_names()
    {
        foreach (var entry in pki.Index)
        {
            var expected = entry.KeyType switch
            {
                "ECDSA-P256" => "ASN1 OID: prime256v1",
                var rsa => $"Public-Key: ({rsa["RSA-".Length..]} bit)",
            };
            OpenSsl.Text(pki.Directory, entry.Certificate).ShouldContain(expected, customMessage: entry.Name);
        }
    }

    [Fact]
    public void Vietnamese_names_survive_in_the_subject()
    {
        var text = OpenSsl.Text(pki.Directory, "official-rsa2048.crt");

        text.ShouldContain("Subject: C=VN, ST=Nghệ An, O=UBND tỉnh Nghệ An, CN=Nguyễn Văn An");
    }

    [Fact]
    public void Organisation_seal_is_named_after_the_organ_and_carries_its_code()
    {
        var text = OpenSsl.Text(pki.Directory, pki.WithRole("organisation").Single().Certificate);

        text.ShouldContain("O=UBND tỉnh Nghệ An, serialNumber=000.00.00.H41, CN=UBND tỉnh Nghệ An");
    }

    [Fact]
    public void Serial_numbers_are_distinct_positive_and_sixteen_bytes_long()
    {
        var serials = pki.Index
            .Select(entry => OpenSsl.Run(pki.Directory, "x509", "-in", entry.Certificate, "-noout", "-serial").Output.Trim())
            .Select(line => line.Split('=')[1])
            .ToList();

        serials.ShouldAllBe(serial => serial.Length == 32 && "01234567".Contains(serial[0]));
        serials.Distinct().Count().ShouldBe(serials.Count);
    }
}
