using System.CommandLine;

namespace DocService.Cli.Commands;

/// <summary>File arguments checked before a command runs: one line naming the file and what is wrong with it.</summary>
internal static class InputFiles
{
    public static Argument<FileInfo> MustExist(this Argument<FileInfo> argument)
    {
        argument.Validators.Add(result => Check(result.GetValueOrDefault<FileInfo>(), result.AddError));
        return argument;
    }

    public static Option<T> MustExist<T>(this Option<T> option) where T : FileSystemInfo?
    {
        option.Validators.Add(result => Check(result.GetValueOrDefault<T>(), message => result.AddError($"{option.Name}: {message}")));
        return option;
    }

    public static Option<FileInfo[]> MustExist(this Option<FileInfo[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var file in result.GetValueOrDefault<FileInfo[]>() ?? [])
                Check(file, message => result.AddError($"{option.Name}: {message}"));
        });
        return option;
    }

    static void Check(FileSystemInfo? file, Action<string> error)
    {
        if (file is null)
            return;
        if (Directory.Exists(file.FullName))
            error($"{file.FullName} is a directory; give the file itself.");
        else if (!File.Exists(file.FullName))
            error($"{file.FullName}: no such file.");
    }
}
