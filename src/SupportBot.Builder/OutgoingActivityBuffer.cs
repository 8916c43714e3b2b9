using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>
/// Holds a turn's outgoing activities until its state is saved, so a turn re-run after a state conflict
/// never sends twice. <c>typing</c> is not held: it is harmless to repeat and useless if late.
/// </summary>
public sealed class OutgoingActivityBuffer
{
    private readonly List<Activity> _activities = [];

    /// <summary>The held activities, in send order.</summary>
    public IReadOnlyList<Activity> Activities => _activities;

    /// <summary>True when <paramref name="activity"/> must wait for the save (everything but typing).</summary>
    public static bool ShouldHold(Activity activity) => !activity.IsType(ActivityTypes.Typing);

    /// <summary>Holds an activity.</summary>
    public void Add(Activity activity) => _activities.Add(activity);

    /// <summary>Drops everything held (the turn is discarded).</summary>
    public void Clear() => _activities.Clear();
}
