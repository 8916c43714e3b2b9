namespace SupportBot.Schema;

/// <summary>Values of <see cref="Activity.Type"/>. Strings, not an enum: unknown types must round-trip.</summary>
public static class ActivityTypes
{
    /// <summary>A message shown in the chat.</summary>
    public const string Message = "message";
    /// <summary>A contact-list change (legacy channels).</summary>
    public const string ContactRelationUpdate = "contactRelationUpdate";
    /// <summary>Members joined or left, or conversation metadata changed.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
    /// <summary>The conversation ended.</summary>
    public const string EndOfConversation = "endOfConversation";
    /// <summary>A named, fire-and-forget event.</summary>
    public const string Event = "event";
    /// <summary>A named request that expects a synchronous answer.</summary>
    public const string Invoke = "invoke";
    /// <summary>The user asked to delete their data.</summary>
    public const string DeleteUserData = "deleteUserData";
    /// <summary>A previously sent message was edited.</summary>
    public const string MessageUpdate = "messageUpdate";
    /// <summary>A previously sent message was deleted.</summary>
    public const string MessageDelete = "messageDelete";
    /// <summary>The bot was installed or uninstalled.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A reaction was added to or removed from a message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A private suggestion to the recipient.</summary>
    public const string Suggestion = "suggestion";
    /// <summary>Debug information (Emulator, transcripts); not shown to users.</summary>
    public const string Trace = "trace";
    /// <summary>Hand the conversation to another party (human agent).</summary>
    public const string Handoff = "handoff";
    /// <summary>A command for the recipient.</summary>
    public const string Command = "command";
    /// <summary>The result of a <see cref="Command"/>.</summary>
    public const string CommandResult = "commandResult";
    /// <summary>SDK-internal pseudo type: the answer to an invoke, never sent on the wire.</summary>
    public const string InvokeResponse = "invokeResponse";
    /// <summary>SDK-internal pseudo type: pause between sends, never sent on the wire.</summary>
    public const string Delay = "delay";
}
