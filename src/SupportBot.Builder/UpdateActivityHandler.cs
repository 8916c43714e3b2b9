using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>Hook around an activity update (see <see cref="ITurnContext.OnUpdateActivity"/>).</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);
