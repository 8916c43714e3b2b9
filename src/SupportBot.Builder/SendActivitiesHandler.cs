using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>
/// Hook around outgoing activities (see <see cref="ITurnContext.OnSendActivities"/>). May inspect or change
/// <paramref name="activities"/>; call <paramref name="next"/> to send them, or don't to suppress them.
/// </summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);
