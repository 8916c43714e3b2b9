namespace SupportBot.StateMachine.Internal;

/// <summary>All guards of one transition; every one must hold.</summary>
internal sealed class TransitionGuard
{
    internal static readonly TransitionGuard None = new([]);

    internal TransitionGuard(GuardCondition[] conditions) => Conditions = conditions;

    internal GuardCondition[] Conditions { get; }

    /// <summary>Evaluates every guard (not short-circuited) so that all unmet descriptions can be reported.</summary>
    internal ValueTask<bool> EvaluateAsync(object?[] args, bool syncOnly, List<string>? unmet)
    {
        var allMet = true;
        var conditions = Conditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            var condition = conditions[i];
            if (condition.IsAsync)
            {
                return EvaluateRestAsync(i, allMet, args, syncOnly, unmet);
            }

            if (!condition.IsMet(args))
            {
                allMet = false;
                unmet?.Add(condition.Info.Description);
            }
        }

        return new ValueTask<bool>(allMet);
    }

    private async ValueTask<bool> EvaluateRestAsync(int start, bool allMet, object?[] args, bool syncOnly, List<string>? unmet)
    {
        for (var i = start; i < Conditions.Length; i++)
        {
            if (!await Conditions[i].IsMetAsync(args, syncOnly).ConfigureAwait(false))
            {
                allMet = false;
                unmet?.Add(Conditions[i].Info.Description);
            }
        }

        return allMet;
    }
}
