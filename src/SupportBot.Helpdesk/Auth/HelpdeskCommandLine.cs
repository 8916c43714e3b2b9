namespace SupportBot.Helpdesk.Auth;

/// <summary>
/// <c>helpdesk hash-password</c>: the host forwards <c>dotnet run --project src/SupportBot.Server -- helpdesk hash-password</c>
/// here. Reads the password from the next argument or, safer (no shell history), from standard input.
/// </summary>
public static class HelpdeskCommandLine
{
    /// <summary>Whether <paramref name="args"/> is a helpdesk command the host should hand over.</summary>
    public static bool IsHelpdeskCommand(string[] args) => args.Length >= 1 && args[0] == "helpdesk";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1] != "hash-password")
        {
            error.WriteLine("usage: helpdesk hash-password [password]   (reads the password from stdin when omitted)");
            return 2;
        }
        var password = args.Length >= 3 ? args[2] : ReadPassword(input, output);
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("The password is empty.");
            return 1;
        }
        output.WriteLine(PasswordHasher.Hash(password));
        return 0;
    }

    private static string? ReadPassword(TextReader input, TextWriter output)
    {
        if (!Console.IsInputRedirected)
        {
            output.Write("Password: ");
        }
        return input.ReadLine();
    }
}
