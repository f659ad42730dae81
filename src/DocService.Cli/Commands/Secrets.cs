namespace DocService.Cli.Commands;

/// <summary>
/// Passwords and PINs: from the option when given (visible in the process list and the shell history, so meant for
/// development), else from an environment variable, else asked on the terminal without echo.
/// </summary>
internal static class Secrets
{
    public const string PasswordVariable = "DOCSVC_PASSWORD";
    public const string PinVariable = "DOCSVC_PIN";

    public static string Read(string? given, string variable, string option, string what)
    {
        if (given is not null)
            return given;
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        if (Console.IsInputRedirected)
            throw new CliUsageException($"{what} is needed: give {option}, set {variable}, or run in a terminal to be asked.");
        Console.Error.Write($"{what}: ");
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                    text.Length--;
                continue;
            }
            text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
