using System.Text.Json;

namespace SupportBot.Flows.Tests.Loading;

/// <summary>Keeps dialogs/schema/flow.schema.json in step with what the loader accepts.</summary>
public class FlowSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Dialogs, "schema", "flow.schema.json"))).RootElement;

    [Fact]
    public void Schema_IsDraft2020AndListsTopLevelKeys()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        var keys = Schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["defaults", "examples", "id", "start", "states", "title", "version"], keys);
    }

    [Fact]
    public void Schema_InputKindsAndCheckKinds_MatchLoader()
    {
        var defs = Schema.GetProperty("$defs");
        var kinds = defs.GetProperty("input").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
        Assert.All(kinds, k => Assert.NotNull(SupportBot.Flows.Model.InputKindNames.Parse(k)));
        var checks = defs.GetProperty("check").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
        Assert.Equal(SupportBot.Flows.Loading.FlowSlotChecks.CheckKinds.Order(), checks.Order());
    }

    [Fact]
    public void Schema_CheckOutcomeNames_MatchCode()
    {
        var names = Schema.GetProperty("$defs").GetProperty("check").GetProperty("properties").GetProperty("outcomes")
            .GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

        Assert.Equal(SupportBot.Flows.Checks.CheckOutcomes.ByKind.Values.SelectMany(n => n).Distinct().Order(), names.Order());
    }
}
