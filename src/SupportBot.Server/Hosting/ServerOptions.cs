using System.ComponentModel.DataAnnotations;

namespace SupportBot.Server.Hosting;

/// <summary>Host-wide settings (configuration section <c>SupportBot</c>).</summary>
public sealed class ServerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SupportBot";

    /// <summary>Where the SQLite file and the generated Direct Line secret live. Default <c>./data</c> (relative to the content root), created on first run.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    /// <summary>Largest request body Kestrel accepts, in bytes. Default 1 MB (activities have their own, lower limit).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath(string contentRoot) => Path.GetFullPath(DataDir, contentRoot);
}
