namespace SupportBot.Schema;

/// <summary>Values of <see cref="CardAction.Type"/>.</summary>
public static class ActionTypes
{
    /// <summary>Open a URL in a browser.</summary>
    public const string OpenUrl = "openUrl";
    /// <summary>Post <c>value</c> as a visible user message.</summary>
    public const string ImBack = "imBack";
    /// <summary>Post <c>value</c> as a message hidden from the transcript.</summary>
    public const string PostBack = "postBack";
    /// <summary>Post <c>text</c> + <c>value</c>, show <c>displayText</c> in the feed.</summary>
    public const string MessageBack = "messageBack";
    /// <summary>Play audio.</summary>
    public const string PlayAudio = "playAudio";
    /// <summary>Play video.</summary>
    public const string PlayVideo = "playVideo";
    /// <summary>Show an image.</summary>
    public const string ShowImage = "showImage";
    /// <summary>Download a file.</summary>
    public const string DownloadFile = "downloadFile";
    /// <summary>Start a sign-in flow.</summary>
    public const string Signin = "signin";
    /// <summary>Place a call.</summary>
    public const string Call = "call";
    /// <summary>Teams: send an invoke activity.</summary>
    public const string Invoke = "invoke";
}
