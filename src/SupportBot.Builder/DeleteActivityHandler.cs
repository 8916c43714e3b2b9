using SupportBot.Schema;

namespace SupportBot.Builder;

/// <summary>Hook around an activity deletion (see <see cref="ITurnContext.OnDeleteActivity"/>).</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);
