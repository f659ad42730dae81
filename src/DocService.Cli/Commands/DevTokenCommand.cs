using System.CommandLine;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Auth;
using Microsoft.Extensions.Configuration;

namespace DocService.Cli.Commands;

/// <summary><c>docsvc dev-token</c>: prints a bearer token signed with the development key.</summary>
internal static class DevTokenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "The user name (sub claim)", Required = true };
        var organ = new Option<string?>("--organ") { Description = "The organ code, e.g. 000.00.00.H41 (not with --platform-admin)" };
        var roles = new Option<string?>("--roles") { Description = "Comma-separated: drafter, signer, clerk, auditor, admin" };
        var platformAdmin = new Option<bool>("--platform-admin") { Description = "A platform admin's token: the role platform-admin and no organ" };
        var hours = new Option<int>("--hours") { Description = "Lifetime in hours", DefaultValueFactory = _ => 8 };
        var key = new Option<string?>("--signing-key") { Description = "Base64 key; default: Auth:DevSigningKey of the API's development settings" };

        var command = new Command("dev-token", "Print a development bearer token") { user, organ, roles, platformAdmin, hours, key };
        command.SetAction(parse =>
        {
            string organCode;
            string[] roleList;
            if (parse.GetValue(platformAdmin))
            {
                if (parse.GetValue(organ) is not null || parse.GetValue(roles) is not null)
                    return Fail("A platform admin belongs to no organ: leave out --organ and --roles.");
                (organCode, roleList) = ("", [Roles.PlatformAdmin]);
            }
            else
            {
                if (!OrganId.TryParse(parse.GetValue(organ), out var organId))
                    return Fail($"'{parse.GetValue(organ)}' is not an organ code like 000.00.00.H41.");
                roleList = (parse.GetValue(roles) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (roleList.Length == 0)
                    return Fail("Give --roles (comma-separated), or --platform-admin.");
                if (roleList.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
                    return Fail($"Unknown role '{unknown}'. Roles: {string.Join(", ", Roles.All)}.");
                organCode = organId.Value;
            }
            var signingKey = parse.GetValue(key) ?? DevelopmentSigningKey();
            if (signingKey is null)
                return Fail("No development signing key: pass --signing-key or run from the repository root.");

            var token = new DevTokens(signingKey).Create(parse.GetValue(user)!, organCode, roleList, TimeSpan.FromHours(parse.GetValue(hours)));
            Console.WriteLine(token);
            return 0;
        });
        return command;
    }

    /// <summary>The key the API uses in Development, read from the same settings file the API reads.</summary>
    static string? DevelopmentSigningKey()
    {
        string[] candidates =
        [
            Path.Combine(Environment.CurrentDirectory, "src", "DocService.Api", "appsettings.Development.json"),
            Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"),
        ];
        var file = candidates.FirstOrDefault(File.Exists);
        if (file is null)
            return Environment.GetEnvironmentVariable("Auth__DevSigningKey");
        return new ConfigurationBuilder().AddJsonFile(file).Build()["Auth:DevSigningKey"];
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
