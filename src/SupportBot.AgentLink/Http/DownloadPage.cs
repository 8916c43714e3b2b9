using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SupportBot.AgentLink.Http;

/// <summary><c>GET /agent/download</c>: a redirect to <c>AgentLink:DownloadUrl</c>, or a page saying how to get the helper.</summary>
internal static class DownloadPage
{
    public static IResult Handle(IOptions<AgentLinkOptions> options)
    {
        var url = options.Value.DownloadUrl;
        if (Uri.TryCreate(url, UriKind.Absolute, out var target) && (target.Scheme == Uri.UriSchemeHttps || target.Scheme == Uri.UriSchemeHttp))
            return Results.Redirect(target.AbsoluteUri);
        return Results.Content(Html, "text/html; charset=utf-8");
    }

    private const string Html = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>サポート用確認プログラム / Support helper</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.6">
        <h1>サポート用確認プログラム（supportbot-agent）</h1>
        <p>チャットでご案内した確認用プログラムは、パソコンの設定を<strong>読むだけ</strong>で、変更はしません。
        確認する項目は、ライセンスサーバーへの接続、プロキシの設定、Passage の企業コード（CorpId）とバージョンなどに限られます。</p>
        <ol>
          <li>社内のヘルプデスクから配布されている <code>supportbot-agent.exe</code> を入手してください（配布場所はヘルプデスクにお問い合わせください）。</li>
          <li>コマンドプロンプトで、チャットに表示されたコードを使って実行します：<br><code>supportbot-agent pair コード --server このサイトのURL</code></li>
          <li>「サポートボットと接続しました」と表示されたら、チャット画面に戻ってください。</li>
        </ol>
        <hr>
        <h2 lang="en">Support helper (supportbot-agent)</h2>
        <p lang="en">The helper only <strong>reads</strong> settings on your PC (license server connection, proxy settings, Passage company
        code and version); it changes nothing. Get <code>supportbot-agent.exe</code> from your helpdesk, run
        <code>supportbot-agent pair CODE --server THIS-SITE-URL</code> with the code shown in the chat, then return to the chat.</p>
        </body></html>
        """;
}
