using System.Security.Cryptography;
using DocService.Signing.Keys;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Keys;

public sealed class KeyProtectorTests
{
    const string Owner = "000.00.00.H41";
    const int NonceOffset = 1;
    const int TagOffset = 13;
    const int CiphertextOffset = 29;

    readonly KeyProtector _protector = new(KeyProtector.GenerateKey());

    [Fact]
    public void Bytes_round_trip_for_their_owner()
    {
        var secret = RandomNumberGenerator.GetBytes(3_000);

        var blob = _protector.Protect(secret, Owner);

        blob.Length.ShouldBe(secret.Length + 29);
        blob[0].ShouldBe(KeyProtector.FormatVersion);
        _protector.Unprotect(blob, Owner).ShouldBe(secret);
    }

    [Fact]
    public async Task A_protected_pkcs12_and_its_password_round_trip_into_a_working_signer()
    {
        var blob = _protector.ProtectPkcs12(DevPki.Pkcs12("official-rsa2048"), DevPki.Password, Owner);

        using var material = _protector.UnprotectPkcs12(blob, Owner);
        material.Password.ToString().ShouldBe(DevPki.Password);
        material.ToString().ShouldNotContain(DevPki.Password);
        using var signer = Pkcs12Signer.Open(material);
        var value = await signer.SignAsync(new byte[32], DigestAlgorithm.Sha256, CancellationToken.None);

        value.Length.ShouldBe(256);
    }

    [Fact]
    public void Sealing_the_same_secret_twice_uses_fresh_nonces()
    {
        var first = _protector.Protect("secret"u8, Owner);
        var second = _protector.Protect("secret"u8, Owner);

        first.AsSpan(NonceOffset, 12).SequenceEqual(second.AsSpan(NonceOffset, 12)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(NonceOffset, "nonce")]
    [InlineData(TagOffset + 15, "tag")]
    [InlineData(CiphertextOffset + 7, "ciphertext")]
    public void A_changed_byte_is_detected(int offset, string part)
    {
        var blob = _protector.Protect(RandomNumberGenerator.GetBytes(64), Owner);
        blob[offset] ^= 0x80;

        Should.Throw<KeyProtectionException>(() => _protector.Unprotect(blob, Owner), part);
    }

    [Fact]
    public void A_blob_copied_to_another_owner_does_not_open()
    {
        var blob = _protector.ProtectPkcs12(DevPki.Pkcs12("official-rsa2048"), DevPki.Password, Owner);

        Should.Throw<KeyProtectionException>(() => _protector.UnprotectPkcs12(blob, "000.00.00.H42"));
    }

    [Fact]
    public void A_blob_sealed_under_another_key_does_not_open()
    {
        var blob = new KeyProtector(KeyProtector.GenerateKey()).Protect("secret"u8, Owner);

        Should.Throw<KeyProtectionException>(() => _protector.Unprotect(blob, Owner));
    }

    [Fact]
    public void A_plain_secret_cannot_be_passed_off_as_a_pkcs12()
    {
        var blob = _protector.Protect("secret"u8, Owner);

        Should.Throw<KeyProtectionException>(() => _protector.UnprotectPkcs12(blob, Owner));
    }

    [Fact]
    public void An_unknown_format_version_is_refused()
    {
        var blob = _protector.Protect("secret"u8, Owner);
        blob[0] = 2;

        Should.Throw<KeyProtectionException>(() => _protector.Unprotect(blob, Owner)).Message.ShouldContain("version 2");
    }

    [Fact]
    public void A_truncated_blob_is_refused()
    {
        var blob = _protector.Protect("secret"u8, Owner);

        Should.Throw<KeyProtectionException>(() => _protector.Unprotect(blob.AsSpan(0, 20), Owner));
        Should.Throw<KeyProtectionException>(() => _protector.Unprotect(blob.AsSpan(0, blob.Length - 1), Owner));
    }

    [Fact]
    public void A_key_of_the_wrong_size_or_not_base64_is_refused_without_echoing_it()
    {
        Should.Throw<ArgumentException>(() => new KeyProtector(Convert.ToBase64String(new byte[16])));
        Should.Throw<ArgumentException>(() => new KeyProtector("not base64 at all!"))
            .Message.ShouldNotContain("not base64 at all!");
    }
}
