using System.Text.Json;
using SupportBot.Helpdesk.Tickets;
using SupportBot.Schema;

namespace SupportBot.Helpdesk.Tests;

/// <summary>Drafts and temp folders shared by the tests.</summary>
internal static class TestData
{
    public const string LicenseKey = "ABCD-1234-EFGH-5678";

    public static TicketDraft Draft(string conversationId = "conv-1", int? remainingDays = 5, string locale = "ja-JP") => new()
    {
        ChannelId = "directline",
        Conversation = new ConversationReference
        {
            ChannelId = "directline",
            ActivityId = conversationId + "|0000007",
            Conversation = new ConversationAccount { Id = conversationId },
            User = new ChannelAccount { Id = "dl_user", Name = "利用者" },
            Bot = new ChannelAccount { Id = "support-bot", Name = "Support" },
            ServiceUrl = "https://localhost/",
            Locale = locale,
        },
        Reason = EscalationReasons.FlowEnded,
        FlowId = "license-key",
        FlowVersion = "3",
        Path = ["start", "ask-key", "check-activation", "escalate"],
        Answers = new Dictionary<string, string> { ["ask-key"] = $"キーは {LicenseKey} です", ["ask-os"] = "Windows 11" },
        Slots = new Dictionary<string, string> { ["licenseKey"] = LicenseKey, ["version"] = "12.3", ["remainingDays"] = "5" },
        Checks = [JsonSerializer.SerializeToElement(new { kind = "http-probe", status = "failed", evidence = $"key {LicenseKey} rejected" })],
        ErrorText = $"ライセンスが確認できません。残り5日 (key {LicenseKey})",
        ProductVersion = "12.3",
        OperatingSystem = "Windows 11 23H2",
        Tried = ["再起動", $"キー {LicenseKey} を再入力"],
        RemainingDays = remainingDays,
        Transcript =
        [
            new Activity(ActivityTypes.Message)
            {
                Id = conversationId + "|0000001",
                Conversation = new ConversationAccount { Id = conversationId },
                From = new ChannelAccount { Id = "dl_user", Role = "user" },
                Text = $"ライセンスキー {LicenseKey} が通りません。連絡先は taro@example.co.jp / 090-1234-5678",
            },
        ],
        Locale = locale,
    };

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
