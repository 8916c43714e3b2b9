using SupportBot.Flows.Conditions;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Tests.Conditions;

public class ConditionParserTests
{
    private static readonly Dictionary<string, SlotInfo> Types = new()
    {
        ["days"] = new(SlotType.Number, new HashSet<string>(), false),
        ["version"] = new(SlotType.Version, new HashSet<string>(), false),
        ["licenseType"] = new(SlotType.Text, new HashSet<string> { "internet", "in-house" }, false),
    };

    [Theory]
    [InlineData("days <= 3", true)]
    [InlineData("days > 3", false)]
    [InlineData("version >= 2.5.0", true)]
    [InlineData("version < 2.10", true)]
    [InlineData("licenseType == internet", true)]
    [InlineData("licenseType != 'internet'", false)]
    [InlineData("days > 5 or licenseType == internet and version >= 2.5", true)]
    [InlineData("(days > 5 or licenseType == internet) and version >= 3", false)]
    [InlineData("missing == x", false)]
    [InlineData("days is set", true)]
    [InlineData("missing is not set", true)]
    public void Evaluate_AgainstSlots(string text, bool expected)
    {
        var (condition, error) = ConditionParser.Parse(text);
        var slots = new Dictionary<string, string> { ["days"] = "3", ["version"] = "2.6.0", ["licenseType"] = "internet" };

        Assert.Null(error);
        Assert.Equal(expected, condition!.Evaluate(slots, Types));
    }

    [Theory]
    [InlineData("days <=")]
    [InlineData("days ~ 3")]
    [InlineData("(days < 3")]
    [InlineData("days < 3 and")]
    [InlineData("System.IO.File.Delete('x')")]
    [InlineData("days < 3; rm")]
    public void Parse_BadConditions_ReturnError(string text)
    {
        var (condition, error) = ConditionParser.Parse(text);

        Assert.Null(condition);
        Assert.NotNull(error);
    }
}
