using SupportBot.Builder;
using SupportBot.Dialogs.Choices;
using SupportBot.Dialogs.Prompts;
using SupportBot.Schema;

namespace SupportBot.Dialogs.Tests;

public class PromptTests
{
    /// <summary>A component: step 0 runs <paramref name="prompt"/> with <paramref name="options"/>, step 1 echoes the result.</summary>
    private static Dialog Ask(Dialog prompt, PromptOptions options)
    {
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("ask", [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                var text = step.Result switch
                {
                    PromptGaveUp gaveUp => $"gave up after {gaveUp.Attempts}: {gaveUp.LastInput}",
                    FoundChoice found => $"choice {found.Index} {found.Value}",
                    bool yes => yes ? "yes" : "no",
                    var other => $"got {other}",
                };
                await step.Context.SendActivityAsync(text, cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(prompt);
        return root;
    }

    private static PromptOptions Options(string prompt, string? retry = null, int? maxAttempts = null, ListStyle? style = null) => new()
    {
        Prompt = MessageFactory.Text(prompt),
        RetryPrompt = retry is null ? null : MessageFactory.Text(retry),
        MaxAttempts = maxAttempts,
        Style = style,
        Choices = [new Choice("ライセンス", "license", "認証"), new Choice("インストール", "install"), new Choice("その他")],
    };

    [Fact]
    public async Task TextPromptRetriesOnBlankAndValidatorRejection()
    {
        var prompt = new TextPrompt("text", (ctx, ct) => Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value!.Length >= 3));

        await new TestFlow(new TestAdapter(), Bots.Run(Ask(prompt, Options("メールアドレスは？", "もう一度入力してください"))))
            .Send("hi").AssertReply("メールアドレスは？")
            .Send("  ").AssertReply("もう一度入力してください")
            .Send("ab").AssertReply("もう一度入力してください")
            .Send("taro@example.com").AssertReply("got taro@example.com");
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("12日", 12)]
    [InlineData("１２日前から", 12)]
    [InlineData("約 1,200 円", 1200)]
    [InlineData("-3", -3)]
    public void NumberPromptRecognisesJapaneseAndFullWidthInput(string text, int expected)
    {
        Assert.True(NumberPrompt<int>.TryRecognize(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("わかりません")]
    [InlineData("")]
    [InlineData("3.5")]
    public void IntegerNumberPromptRejectsNonIntegers(string text)
        => Assert.False(NumberPrompt<int>.TryRecognize(text, out _));

    [Fact]
    public void DoubleNumberPromptAcceptsFractions()
    {
        Assert.True(NumberPrompt<double>.TryRecognize("３．５ GB", out var value));
        Assert.Equal(3.5, value);
    }

    [Fact]
    public async Task NumberPromptRetriesThenReturnsTheNumber()
    {
        await new TestFlow(new TestAdapter(), Bots.Run(Ask(new NumberPrompt<int>("n"), Options("何日前からですか？", "数字で入力してください"))))
            .Send("hi").AssertReply("何日前からですか？")
            .Send("昨日").AssertReply("数字で入力してください")
            .Send("１２日").AssertReply("got 12");
    }

    [Theory]
    [InlineData("ライセンス", 0)]
    [InlineData("ﾗｲｾﾝｽ", 0)]
    [InlineData("LICENSE", 0)]
    [InlineData("2", 1)]
    [InlineData("２", 1)]
    [InlineData("3番", 2)]
    [InlineData("②", 1)]
    [InlineData("インストールができません", 1)]
    [InlineData("Office の認証エラー", 0)]
    [InlineData("I can't install it", 1)]
    public void ChoiceRecognizerFindsExactOrdinalAndContainedChoices(string text, int expectedIndex)
    {
        var found = ChoiceRecognizer.Recognize(text, Options("?").Choices!);

        Assert.NotNull(found);
        Assert.Equal(expectedIndex, found.Index);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("4")]
    [InlineData("reinstallation")]
    public void ChoiceRecognizerRejectsUnknownInput(string text)
        => Assert.Null(ChoiceRecognizer.Recognize(text, Options("?").Choices!));

    [Fact]
    public async Task ChoicePromptAutoStyleRendersImBackSuggestedActions()
    {
        await new TestFlow(new TestAdapter(), Bots.Run(Ask(new ChoicePrompt("c"), Options("どれについてですか？"))))
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal("どれについてですか？", reply.Text);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
                var actions = reply.SuggestedActions!.Actions!;
                Assert.Equal(["ライセンス", "インストール", "その他"], actions.Select(a => a.Title));
                Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
                Assert.Equal("ライセンス", actions[0].ValueAsString);
            })
            .Send("２").AssertReply("choice 1 インストール");
    }

    [Theory]
    [InlineData(ListStyle.Inline, "ja-JP", "どれ？ (1) ライセンス、 (2) インストール、 または (3) その他")]
    [InlineData(ListStyle.Inline, "en-US", "どれ？ (1) ライセンス, (2) インストール, or (3) その他")]
    [InlineData(ListStyle.List, "ja-JP", "どれ？\n\n1. ライセンス\n2. インストール\n3. その他")]
    [InlineData(ListStyle.None, "ja-JP", "どれ？")]
    public async Task ChoicePromptRendersTextStyles(ListStyle style, string locale, string expected)
    {
        await new TestFlow(new TestAdapter(locale), Bots.Run(Ask(new ChoicePrompt("c"), Options("どれ？", style: style))))
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal(expected, reply.Text);
                Assert.Null(reply.SuggestedActions);
            });
    }

    [Fact]
    public async Task ChoicePromptHeroCardStyleRendersButtons()
    {
        await new TestFlow(new TestAdapter(), Bots.Run(Ask(new ChoicePrompt("c"), Options("どれ？", style: ListStyle.HeroCard))))
            .Send("hi").AssertReply(reply =>
            {
                var card = Assert.Single(reply.Attachments!);
                Assert.Equal(AttachmentContentTypes.HeroCard, card.ContentType);
                Assert.Equal("どれ？", card.Content!.Value.GetProperty("text").GetString());
                Assert.Equal(3, card.Content.Value.GetProperty("buttons").GetArrayLength());
            });
    }

    [Fact]
    public async Task MaxAttemptsEndsThePromptWithGaveUp()
    {
        await new TestFlow(new TestAdapter(), Bots.Run(Ask(new ChoicePrompt("c"), Options("どれ？", "番号で選んでください", maxAttempts: 2))))
            .Send("hi").AssertReply(_ => { })
            .Send("わからない").AssertReply(r => Assert.Equal("番号で選んでください", r.Text))
            .Send("まだわからない").AssertReply("gave up after 2: まだわからない")
            .AssertNoReply();
    }

    [Fact]
    public async Task ValidatorSeesTheAttemptCountAndCanReplyItself()
    {
        var attempts = new List<int>();
        var prompt = new NumberPrompt<int>("n", async (ctx, ct) =>
        {
            attempts.Add(ctx.AttemptCount);
            if (ctx.Recognized.Succeeded && ctx.Recognized.Value > 100)
            {
                await ctx.Context.SendActivityAsync("100 以下で入力してください", cancellationToken: ct);
                return false;
            }

            return ctx.Recognized.Succeeded;
        });

        await new TestFlow(new TestAdapter(), Bots.Run(Ask(prompt, Options("何台？", "数字で"))))
            .Send("hi").AssertReply("何台？")
            .Send("500").AssertReply("100 以下で入力してください").AssertNoReply()
            .Send("なし").AssertReply("数字で")
            .Send("5").AssertReply("got 5");

        Assert.Equal([1, 2, 3], attempts);
    }

    [Theory]
    [InlineData("はい", "yes")]
    [InlineData("うん", "yes")]
    [InlineData("ｙｅｓ", "yes")]
    [InlineData("1", "yes")]
    [InlineData("いいえ", "no")]
    [InlineData("いいえ、違います", "no")]
    [InlineData("2", "no")]
    [InlineData("no", "no")]
    public async Task ConfirmPromptRecognisesJapaneseAnswers(string answer, string expected)
    {
        await new TestFlow(new TestAdapter("ja-JP"), Bots.Run(Ask(new ConfirmPrompt("ok"), Options("再起動しましたか？"))))
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal(["はい", "いいえ"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .Send(answer).AssertReply(expected);
    }

    [Theory]
    [InlineData("Yes", "yes")]
    [InlineData("yep", "yes")]
    [InlineData("nope", "no")]
    [InlineData("no, thanks", "no")]
    public async Task ConfirmPromptUsesEnglishWordsForEnglishLocales(string answer, string expected)
    {
        await new TestFlow(new TestAdapter("en-US"), Bots.Run(Ask(new ConfirmPrompt("ok"), Options("Did you restart?"))))
            .Send("hi").AssertReply(reply => Assert.Equal(["Yes", "No"], reply.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Send(answer).AssertReply(expected);
    }

    [Fact]
    public async Task ConfirmPromptDoesNotFindNoInsideOtherWords()
    {
        await new TestFlow(new TestAdapter("en-US"), Bots.Run(Ask(new ConfirmPrompt("ok"), Options("Did you restart?", "Please answer yes or no"))))
            .Send("hi").AssertReply(_ => { })
            .Send("I don't know").AssertReply("Please answer yes or no");
    }
}
