namespace SupportBot.Schema.Tests;

/// <summary>Real-shaped inbound activities (protocol.md §1, §5.4, §5.6), enriched with unknown fields at every level.</summary>
internal static class Samples
{
    public const string WebChatMessage = """
    {
      "type": "message",
      "id": "8a1c|0000003",
      "timestamp": "2025-05-01T09:00:03.120Z",
      "localTimestamp": "2025-05-01T18:00:03.100+09:00",
      "localTimezone": "Asia/Tokyo",
      "serviceUrl": "https://chat.example.com/",
      "channelId": "directline",
      "from": { "id": "dl_user-42", "name": "山田 太郎", "role": "user", "x-origin": { "page": "/help" } },
      "conversation": { "id": "8a1c", "x-shard": 7 },
      "recipient": { "id": "support-bot", "name": "Support", "role": "bot" },
      "textFormat": "plain",
      "locale": "ja-JP",
      "text": "ライセンスが認証されません <b>help</b>",
      "attachments": [
        {
          "contentType": "application/vnd.microsoft.card.adaptive",
          "content": {
            "type": "AdaptiveCard", "version": "1.5",
            "body": [ { "type": "TextBlock", "text": "こんにちは", "wrap": true } ],
            "actions": [ { "type": "Action.Submit", "title": "OK", "data": { "choice": 1, "flag": true, "n": null } } ]
          },
          "name": "card.json",
          "x-attachment-extra": [1, 2.5, "three"]
        }
      ],
      "entities": [
        { "type": "ClientCapabilities", "requiresBotState": true, "supportsListening": true, "supportsTts": true },
        { "type": "clientInfo", "locale": "ja-JP", "country": "JP", "platform": "Web", "timezone": "Asia/Tokyo" }
      ],
      "channelData": {
        "clientActivityID": "1714554003100abcdefg",
        "clientTimestamp": "2025-05-01T09:00:03.100Z",
        "webchat:sequence-id": 3,
        "postBack": false
      },
      "value": { "choice": "1", "nested": { "deep": [ { "a": 1 } ] } },
      "suggestedActions": { "to": [ "dl_user-42" ], "actions": [ { "type": "imBack", "title": "はい", "value": "はい", "x-action": 1 } ] },
      "webchat:future-field": { "anything": [ true, false ] },
      "deliveryMode": "normal"
    }
    """;

    public const string TeamsChannelMessage = """
    {
      "type": "message",
      "id": "1485983408511",
      "timestamp": "2017-02-01T21:10:07.437Z",
      "localTimestamp": "2017-02-01T14:10:07.437-07:00",
      "serviceUrl": "https://smba.trafficmanager.net/amer/",
      "channelId": "msteams",
      "from": { "id": "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw", "name": "Megan Bowen", "aadObjectId": "7faf8ab2-3d2b-4c57-9b2e-1f3f0c7e0b11" },
      "conversation": {
        "isGroup": true,
        "conversationType": "channel",
        "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "id": "19:c5f7c2ee8cfb4d5ea6d4e3b2e9f0a1b2@thread.tacv2;messageid=1485983408511"
      },
      "recipient": { "id": "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", "name": "Tess" },
      "textFormat": "plain",
      "text": "\r\n<at>Tess</at> who created you?\r\n",
      "locale": "en-US",
      "attachments": [
        { "contentType": "text/html", "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Tess</span> who created you?</div></div>" }
      ],
      "entities": [
        { "type": "mention", "mentioned": { "id": "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", "name": "Tess" }, "text": "<at>Tess</at>" },
        { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Windows", "timezone": "America/Los_Angeles" }
      ],
      "channelData": {
        "teamsChannelId": "19:c5f7c2ee8cfb4d5ea6d4e3b2e9f0a1b2@thread.tacv2",
        "teamsTeamId": "19:0f8a1f1b5a2c4c2e9e0e6b3f2d1c0b9a@thread.tacv2",
        "channel": { "id": "19:c5f7c2ee8cfb4d5ea6d4e3b2e9f0a1b2@thread.tacv2" },
        "team": { "id": "19:0f8a1f1b5a2c4c2e9e0e6b3f2d1c0b9a@thread.tacv2", "aadGroupId": "b1c2d3e4-0000-0000-0000-000000000000" },
        "tenant": { "id": "72f988bf-86f1-41af-91ab-2d7cd011db47" }
      },
      "x-teams-unknown": 12.5
    }
    """;
}
