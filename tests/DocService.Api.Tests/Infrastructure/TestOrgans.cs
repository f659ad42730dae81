namespace DocService.Api.Tests.Infrastructure;

/// <summary>
/// A fresh organ code per test: everything is organ-scoped, so tests sharing a database never see
/// each other's documents, numbers or audit entries.
/// </summary>
public static class TestOrgans
{
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string New() =>
        $"{Random(3)}.{Random(2)}.{Random(2)}.H41";

    static string Random(int length) =>
        new(Enumerable.Range(0, length).Select(_ => Alphabet[System.Random.Shared.Next(Alphabet.Length)]).ToArray());
}
