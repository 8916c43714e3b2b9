using SupportBot.Agent.Configuration;
using SupportBot.Agent.Contracts;

namespace SupportBot.Agent.Ui;

/// <summary>Writes progress lines for the person in front of the PC.</summary>
public sealed class ProgressWriter(TextWriter output, AgentMessages messages, AllowListOptions allowList)
{
    /// <summary>The message set in use.</summary>
    public AgentMessages Messages { get; } = messages;

    /// <summary>Writes one line.</summary>
    public void Say(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>"Checking …" for a job about to run.</summary>
    public void Starting(CheckRequest job) => Say(job.Kind switch
    {
        CheckKinds.HttpProbe => string.Format(
            string.Equals(job.Parameter("proxyMode"), "none", StringComparison.OrdinalIgnoreCase) ? Messages.CheckingConnectionNoProxy : Messages.CheckingConnection,
            FriendlyTarget(job.Parameter("url"))),
        CheckKinds.ProxySettings => Messages.CheckingProxy,
        CheckKinds.RegistryValue => Messages.CheckingRegistry,
        CheckKinds.ProductVersion => string.Format(Messages.CheckingProduct, job.Parameter("product") ?? "?"),
        CheckKinds.ClockSkew => Messages.CheckingClock,
        CheckKinds.OsInfo => Messages.CheckingOs,
        _ => Messages.CheckingOther,
    });

    /// <summary>"Check finished: …" for a result.</summary>
    public void Finished(CheckResult result) => Say(Messages.Finished(result));

    // The administrator's label ("ライセンスサーバー") when the URL is allow-listed; else just the host name.
    private string FriendlyTarget(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return url ?? "?";
        var rule = new Security.AllowList(allowList).FindUrl(uri);
        var label = ReferenceEquals(Messages, AgentMessages.English) ? rule?.LabelEn : rule?.Label;
        return label ?? uri.Host;
    }
}
