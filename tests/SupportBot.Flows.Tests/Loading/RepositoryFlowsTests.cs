using SupportBot.Flows.Loading;
using SupportBot.Flows.Model;

namespace SupportBot.Flows.Tests.Loading;

public class RepositoryFlowsTests
{
    [Fact]
    public void LoadDirectory_RepositoryDialogs_HasNoErrors()
    {
        var (flows, errors) = FlowLoader.LoadDirectory(RepoPaths.Dialogs);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(["license-key", "passage-license"], flows.Select(f => f.Id).Order());
    }

    [Fact]
    public void LoadDirectory_RepositoryDialogs_EveryTextHasEnglish()
    {
        var (flows, _) = FlowLoader.LoadDirectory(RepoPaths.Dialogs);
        var missing = from f in flows
                      from s in f.States
                      from t in s.Say.Append(s.Text).Append(s.Help).Concat(s.Choices.Select(c => c.Label)).OfType<LocalizedText>()
                      where string.IsNullOrWhiteSpace(t.En)
                      select $"{f.Id}/{s.Id}: {t.Ja}";
        Assert.Empty(missing);
    }
}
