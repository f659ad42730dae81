using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using DocService.Pdf;
using DocService.Signing;
using DocService.Signing.Keys;
using DocService.Signing.Ltv;
using DocService.Signing.Pades;
using DocService.Signing.Timestamps;

namespace DocService.Cli;

/// <summary>
/// docsvc's exit codes, the same for every command (README, "docsvc exit codes"). <c>verify</c> adds 1 (some
/// signature INDETERMINATE) and uses 2 for a failed signature or none at all.
/// </summary>
internal static class ExitCodes
{
    public const int Done = 0;

    /// <summary>Refused on the merits: the document forbids the signature, the server said no, a signature failed.</summary>
    public const int Refused = 2;

    /// <summary>EX_USAGE: a wrong argument, or an input that cannot be used (missing, unreadable, a directory, not a PDF).</summary>
    public const int BadInput = 64;

    /// <summary>EX_UNAVAILABLE: the DocService server, the TSA or a revocation service could not be reached.</summary>
    public const int Unavailable = 69;

    /// <summary>EX_SOFTWARE: something nobody expected; the line says what, to report it.</summary>
    public const int Unexpected = 70;

    /// <summary>EX_NOPERM: the password of the PKCS#12 or the token's PIN is wrong.</summary>
    public const int WrongSecret = 77;
}

/// <summary>
/// The one place where a command's failure becomes one line on stderr and an exit code: parse errors, files that
/// cannot be read, wrong passwords, unreachable servers. Never a stack trace.
/// </summary>
internal static class CliErrors
{
    public static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration configuration, CancellationToken ct = default)
    {
        var error = configuration.Error;
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
                error.WriteLine($"docsvc: {problem.Message}");
            error.WriteLine($"See: docsvc {CommandPath(parse.CommandResult)} --help");
            return ExitCodes.BadInput;
        }
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parse.InvokeAsync(configuration, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("docsvc: cancelled.");
            return ExitCodes.Unexpected;
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            error.WriteLine($"docsvc: {message}");
            return code;
        }
    }

    public static (int Code, string Message) Describe(Exception e) => e switch
    {
        CliUsageException usage => (ExitCodes.BadInput, usage.Message),
        FileNotFoundException missing => (ExitCodes.BadInput, $"{missing.FileName ?? "a file"}: no such file. Check the path."),
        DirectoryNotFoundException => (ExitCodes.BadInput, $"{e.Message} Check the path."),
        UnauthorizedAccessException => (ExitCodes.BadInput, $"{e.Message} Check that it is a file you may read (or a folder you may write)."),
        Pkcs12LoadException { InnerException: CryptographicException } => (ExitCodes.WrongSecret,
            "The PKCS#12 could not be opened: the password is wrong (or the file is damaged). Give it with --password, DOCSVC_PASSWORD or at the prompt."),
        Pkcs11KeyException when e.Message.Contains("PIN", StringComparison.OrdinalIgnoreCase) => (ExitCodes.WrongSecret, $"{e.Message} Check --pin or DOCSVC_PIN."),
        SignatureNotPermittedException refused => (ExitCodes.Refused, $"Refused ({refused.Code}): {refused.Message}"),
        TimestampException stamp => (ExitCodes.Unavailable, $"No timestamp: {stamp.Message} Check --tsa, or sign at --level B-B."),
        RevocationUnavailableException => (ExitCodes.Unavailable, $"{e.Message} Check that the OCSP responder or CRL is reachable, or use a lower --level."),
        HttpRequestException http => (ExitCodes.Unavailable, $"Cannot reach the server: {http.Message} Check the URL and that it runs."),
        TaskCanceledException => (ExitCodes.Unavailable, "The server did not answer in time. Check the URL and that it runs."),
        PdfException => (ExitCodes.BadInput, $"Not a PDF that can be read: {e.Message}"),
        SigningException => (ExitCodes.BadInput, e.Message),
        CryptographicException => (ExitCodes.BadInput, $"A key or certificate cannot be used: {e.Message}"),
        IOException => (ExitCodes.BadInput, e.Message),
        _ => (ExitCodes.Unexpected, $"unexpected {e.GetType().Name}: {e.Message} (please report this)"),
    };

    static string CommandPath(SymbolResult? result)
    {
        var names = new List<string>();
        for (var r = result as CommandResult; r is not null && r.Parent is not null; r = r.Parent as CommandResult)
            names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }
}

/// <summary>A wrong or missing argument found while the command runs (exit 64, the message alone).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
