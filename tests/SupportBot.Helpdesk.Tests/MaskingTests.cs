using SupportBot.Helpdesk.Masking;
using SupportBot.Helpdesk.Tickets;
using M = SupportBot.Helpdesk.Masking.Masking;

namespace SupportBot.Helpdesk.Tests;

public class MaskingTests
{
    [Theory]
    [InlineData("キーは ABCD-1234-EFGH-5678 です", "キーは ****-****-****-5678 です")]
    [InlineData("key ABCD1234EFGH5678IJ", "key **************78IJ")]
    [InlineData("キーはABCDEFGHIJKLMNOPです", "キーは************MNOPです")]
    [InlineData("abcd-efgh-ijkl-mnop", "****-****-****-mnop")]
    public void LicenseKeysAreMasked(string input, string expected) => Assert.Equal(expected, M.Mask(input));

    [Theory]
    [InlineData("残り3日です")]
    [InlineData("バージョン 10.0.19045 を使っています")]
    [InlineData("受付番号 SB-20261123-0042")]
    [InlineData("internationalization is a long word")]
    [InlineData("2026-11-23 に発生")]
    public void OrdinaryTextIsLeftAlone(string input) => Assert.Equal(input, M.Mask(input));

    [Theory]
    [InlineData("mail taro.yamada+x@example.co.jp please", "mail ***@example.co.jp please")]
    [InlineData("電話 090-1234-5678 まで", "電話 ***-****-**78 まで")]
    [InlineData("電話 03-1234-5678", "電話 **-****-**78")]
    [InlineData("call +81 90 1234 5678", "call +** ** **** **78")]
    public void EmailAddressesAndPhoneNumbersAreMasked(string input, string expected) => Assert.Equal(expected, M.Mask(input));

    [Fact]
    public void MaskingTwiceChangesNothing()
    {
        var once = M.Mask("ABCD-1234-EFGH-5678 taro@example.com 090-1234-5678");
        Assert.Equal(once, M.Mask(once));
    }

    [Fact]
    public void DraftMaskingReachesEveryFreeTextPart()
    {
        var masked = TicketMasker.Mask(TestData.Draft());
        var all = string.Join("\n", masked.Answers.Values) + string.Join("\n", masked.Slots.Values) + masked.ErrorText
            + string.Join("\n", masked.Tried) + string.Join("\n", masked.Checks.Select(c => c.GetRawText()))
            + string.Join("\n", masked.Transcript.Select(a => a.Text));
        Assert.DoesNotContain("ABCD-1234", all, StringComparison.Ordinal);
        Assert.DoesNotContain("taro@", all, StringComparison.Ordinal);
        Assert.Contains("****-****-****-5678", all, StringComparison.Ordinal);
        // Routing ids survive: the conversation reference must keep working.
        Assert.Equal("conv-1|0000001", masked.Transcript[0].Id);
        Assert.Equal("12.3", masked.Slots["version"]);
    }

    [Fact]
    public void AKeySlotIsMaskedWhateverItsShape()
    {
        var draft = TestData.Draft() with { Slots = new Dictionary<string, string> { ["licenseKey"] = "SHORT-KEY-1" } };
        Assert.Equal("*****-***-*", TicketMasker.Mask(draft).Slots["licenseKey"]);
    }
}

public class PriorityPolicyTests
{
    [Theory]
    [InlineData(-1, TicketPriority.Urgent)]
    [InlineData(0, TicketPriority.Urgent)]
    [InlineData(3, TicketPriority.Urgent)]
    [InlineData(4, TicketPriority.High)]
    [InlineData(7, TicketPriority.High)]
    [InlineData(8, TicketPriority.Normal)]
    [InlineData(365, TicketPriority.Normal)]
    public void RemainingDaysDrivePriority(int days, TicketPriority expected) => Assert.Equal(expected, PriorityPolicy.Derive(days));

    [Fact]
    public void UnknownRemainingDaysMeanNormal() => Assert.Equal(TicketPriority.Normal, PriorityPolicy.Derive(null));

    [Fact]
    public void AnExplicitOverrideWins() => Assert.Equal(TicketPriority.Urgent, PriorityPolicy.Derive(100, TicketPriority.Urgent));
}
