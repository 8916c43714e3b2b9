using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Bench.Turns;

/// <summary>
/// Load generator for bench/Turns. Modes:
/// dl-poll  Direct Line: N concurrent conversations walk the script; reply read by GET ?watermark= polling.
/// dl-ws    the same, reply received on the conversation's WebSocket stream.
/// single   one POST of a ~1 KB activity per turn (the ceiling, driven like a turn).
/// peer     Bot Framework /api/messages with replies to a serviceUrl listener hosted here.
/// idle     open --count conversations (token + start + one turn) and leave them idle; server RSS before/after.
/// sockets  hold --count WebSocket streams open, one message every --interval s each for --duration s.
/// Every loop is bounded in count and time. Results are one JSON object written to --out.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        var run = new Runner(o);
        JsonObject result;
        try
        {
            result = o.Mode switch
            {
                "dl-poll" or "dl-ws" or "single" or "peer" => await run.TurnsAsync(),
                "idle" => await run.IdleAsync(),
                "sockets" => await run.SocketsAsync(),
                _ => throw new ArgumentException("unknown --mode " + o.Mode),
            };
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e);
            result = new JsonObject { ["mode"] = o.Mode, ["fatal"] = e.GetType().Name + ": " + e.Message };
        }
        result["label"] = o.Label;
        var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (o.Out is not null)
        {
            File.WriteAllText(o.Out, text);
        }
        Console.WriteLine(text);
        return result.ContainsKey("fatal") ? 2 : 0;
    }
}

internal sealed class Options
{
    public string Mode = "dl-poll";
    public string Url = "http://127.0.0.1:3978";
    public string Label = "";
    public int Pid;
    /// <summary>Further server processes (several instances on one database): their CPU and RSS are added.</summary>
    public List<int> MorePids = [];
    /// <summary>All base URLs (--url a,b): Direct Line requests are spread over them round-robin, request by request.</summary>
    public string[] Urls = [];
    public int Concurrency = 64;
    public double Duration = 20;
    public double Warmup = 3;
    public int Count = 10_000;
    public double Interval = 30;
    public int ListenPort;
    public string? Out;
    public string? Script;
    public string Locale = "ja-JP";
    public List<string> Turns = [];
    public double SetupLimit = 240;
    /// <summary>
    /// Mean pause (ms) after each reply before the next message, a user reading and answering (uniform 0.5-1.5 x;
    /// workers start staggered over one pause). 0 = saturate: the next message as soon as the reply is readable.
    /// </summary>
    public double Think;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        string? prefix = null;
        var turns = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--mode": o.Mode = v; break;
                case "--url": o.Urls = v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => u.TrimEnd('/')).ToArray(); o.Url = o.Urls[0]; break;
                case "--more-pids": o.MorePids = v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList(); break;
                case "--label": o.Label = v; break;
                case "--pid": o.Pid = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--conc": o.Concurrency = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--duration": o.Duration = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--warmup": o.Warmup = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--count": o.Count = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--interval": o.Interval = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--listen": o.ListenPort = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--setup-limit": o.SetupLimit = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--out": o.Out = v; break;
                case "--think": o.Think = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--script": o.Script = v; break;
                case "--prefix": prefix = v; break;
                case "--turn": turns.Add(v); break;
                case "--locale": o.Locale = v; break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }
        if (prefix is not null)
        {
            o.Turns.Add(prefix);
        }
        if (o.Script is not null)
        {
            o.Turns.AddRange(ScriptReader.ResolvedPath(o.Script));
        }
        o.Turns.AddRange(turns);
        if (o.Turns.Count == 0)
        {
            o.Turns.Add("hello");
        }
        return o;
    }
}

/// <summary>Reads the user turns of the first scripted conversation whose outcome is <c>resolved</c>.</summary>
internal static class ScriptReader
{
    public static List<string> ResolvedPath(string path)
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(path));
        foreach (var test in (List<object>)yaml["tests"])
        {
            var t = (Dictionary<object, object>)test;
            if (!string.Equals(t.GetValueOrDefault("outcome") as string, "resolved", StringComparison.Ordinal))
            {
                continue;
            }
            var turns = new List<string>();
            foreach (var step in (List<object>)t["steps"])
            {
                if (((Dictionary<object, object>)step).GetValueOrDefault("user") is string user)
                {
                    turns.Add(user);
                }
            }
            return turns;
        }
        throw new InvalidOperationException("no test with outcome resolved in " + path);
    }
}

/// <summary>/proc readings of the server under test.</summary>
internal static class Proc
{
    private static readonly double TicksPerSecond = 100; // sysconf(_SC_CLK_TCK) on Linux x64

    public static double CpuSeconds(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime = field 14, stime = field 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public static long StatusKb(int pid, string key)
    {
        if (pid <= 0)
        {
            return 0;
        }
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}

internal sealed class Recorder
{
    private readonly ConcurrentBag<double> latencies = [];
    private long turns;
    private long errors;
    private volatile bool measuring;
    private readonly ConcurrentDictionary<string, int> errorKinds = new();

    public bool Measuring { get => measuring; set => measuring = value; }

    public long Turns => Interlocked.Read(ref turns);

    public long Errors => Interlocked.Read(ref errors);

    public void Turn(double ms)
    {
        if (measuring)
        {
            Interlocked.Increment(ref turns);
            latencies.Add(ms);
        }
    }

    public void Error(string kind)
    {
        Interlocked.Increment(ref errors);
        errorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public JsonObject ErrorKinds()
    {
        var o = new JsonObject();
        foreach (var (k, v) in errorKinds.OrderByDescending(e => e.Value).Take(8))
        {
            o[k.Length > 160 ? k[..160] : k] = v;
        }
        return o;
    }

    public JsonObject Percentiles()
    {
        var all = latencies.ToArray();
        Array.Sort(all);
        if (all.Length == 0)
        {
            return new JsonObject { ["samples"] = 0 };
        }
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new JsonObject
        {
            ["samples"] = all.Length,
            ["p50_ms"] = Math.Round(P(0.50), 2),
            ["p90_ms"] = Math.Round(P(0.90), 2),
            ["p99_ms"] = Math.Round(P(0.99), 2),
            ["max_ms"] = Math.Round(all.Length == 0 ? double.NaN : all[^1], 2),
            ["mean_ms"] = Math.Round(all.Length == 0 ? double.NaN : all.Average(), 2),
        };
    }
}

/// <summary>Where a conversation's bot replies arrive (WebSocket frames or the serviceUrl listener): matched to the posted activity by replyToId.</summary>
internal sealed class ReplyBox
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, long> arrived = new(StringComparer.Ordinal);
    private string? waitingFor;
    private TaskCompletionSource<long>? waiter;
    private int anyCount;
    private TaskCompletionSource<long>? anyWaiter;

    public void Arrived(string? replyToId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            anyCount++;
            anyWaiter?.TrySetResult(now);
            if (replyToId is null)
            {
                return;
            }
            arrived.TryAdd(replyToId, now);
            if (waitingFor == replyToId)
            {
                waiter!.TrySetResult(now);
            }
        }
    }

    /// <summary>Waits for the first bot activity that answers <paramref name="id"/>; returns its arrival timestamp.</summary>
    public Task<long> WaitAsync(string id)
    {
        lock (gate)
        {
            if (arrived.Remove(id, out var at))
            {
                return Task.FromResult(at);
            }
            waitingFor = id;
            waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return waiter.Task;
        }
    }

    /// <summary>Waits until at least one bot activity (any) has arrived.</summary>
    public Task<long> WaitAnyAsync()
    {
        lock (gate)
        {
            if (anyCount > 0)
            {
                return Task.FromResult(0L);
            }
            anyWaiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return anyWaiter.Task;
        }
    }

    public void Forget()
    {
        lock (gate)
        {
            arrived.Clear();
        }
    }
}

internal sealed class Runner(Options o)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Recorder rec = new();
    private readonly ConcurrentDictionary<string, ReplyBox> peerBoxes = new(StringComparer.Ordinal);
    private long conversationsCompleted;
    private long seq;
    private int roundRobin;

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";

    private static string? sampleReply;

    private static void Trace(JsonNode? activity)
    {
        if (activity is not null)
        {
            sampleReply = (string?)activity["text"];
        }
        if (Tracing && activity is not null)
        {
            Console.Error.WriteLine($"[{(string?)activity["conversation"]?["id"]}] {(string?)activity["type"]} replyTo={(string?)activity["replyToId"]}: {(string?)activity["text"]}");
        }
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    // ---------------------------------------------------------------- turns (dl-poll, dl-ws, single, peer)

    public async Task<JsonObject> TurnsAsync()
    {
        WebApplication? listener = o.Mode == "peer" ? await StartListenerAsync() : null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Warmup + o.Duration));
        var workers = Enumerable.Range(0, o.Concurrency).Select(i => Task.Run(() => WorkerAsync(i, stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));
        var cpu0 = ServerCpuSeconds();
        var t0 = Stopwatch.GetTimestamp();
        rec.Measuring = true;
        await Task.Delay(TimeSpan.FromSeconds(o.Duration));
        rec.Measuring = false;
        var elapsed = Ms(t0, Stopwatch.GetTimestamp()) / 1000;
        var cpu1 = ServerCpuSeconds();
        var finished = await Task.WhenAny(Task.WhenAll(workers), Task.Delay(ReplyTimeout + TimeSpan.FromSeconds(5)));
        if (listener is not null)
        {
            await listener.StopAsync();
        }
        var result = new JsonObject
        {
            ["mode"] = o.Mode,
            ["concurrency"] = o.Concurrency,
            ["think_ms"] = o.Think,
            ["turns_per_conversation"] = o.Mode == "single" ? 1 : o.Turns.Count,
            ["script"] = new JsonArray(o.Turns.Select(t => (JsonNode)t).ToArray()),
            ["seconds"] = Math.Round(elapsed, 2),
            ["turns"] = rec.Turns,
            ["turns_per_s"] = Math.Round(rec.Turns / elapsed, 1),
            ["errors"] = rec.Errors,
            ["error_kinds"] = rec.ErrorKinds(),
            ["conversations_completed"] = Interlocked.Read(ref conversationsCompleted),
            ["latency"] = rec.Percentiles(),
            ["server_cpu_s"] = Math.Round(cpu1 - cpu0, 2),
            ["server_cpu_per_turn_ms"] = rec.Turns == 0 ? null : Math.Round((cpu1 - cpu0) * 1000 / rec.Turns, 3),
            ["server_rss_peak_kb"] = ServerKb("VmHWM"),
            ["server_rss_kb"] = ServerKb("VmRSS"),
            ["instances"] = 1 + o.MorePids.Count,
            ["sample_reply"] = sampleReply,
            ["workers_stopped"] = finished != null && workers.All(w => w.IsCompleted),
        };
        return result;
    }

    private async Task WorkerAsync(int worker, CancellationToken stop)
    {
        if (o.Think > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(o.Think * Random.Shared.NextDouble()), stop); // staggered start
        }
        var rounds = 0;
        while (!stop.IsCancellationRequested && rounds++ < 1_000_000)
        {
            try
            {
                switch (o.Mode)
                {
                    case "single": await SingleAsync(stop); break;
                    case "peer": await PeerConversationAsync(worker, stop); break;
                    default: await DirectLineConversationAsync(o.Mode == "dl-ws", stop); break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                rec.Error(e.GetType().Name + ": " + e.Message);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    // ---------------------------------------------------------------- single request per turn (ceiling)

    private static readonly string Padding = new('x', 560);

    private string ActivityJson(string conversationId, string text, string id) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "directline",
        ["serviceUrl"] = "http://127.0.0.1:1/",
        ["from"] = new JsonObject { ["id"] = "dl_bench_user", ["name"] = "bench", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "supportbot", ["name"] = "SupportBot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = o.Locale,
        ["text"] = text,
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["padding"] = Padding },
    }.ToJsonString();

    private async Task SingleAsync(CancellationToken stop)
    {
        var n = Interlocked.Increment(ref seq);
        using var body = new StringContent(ActivityJson("c" + n.ToString(CultureInfo.InvariantCulture), o.Turns[(int)(n % o.Turns.Count)], "a" + n), Encoding.UTF8, "application/json");
        var t0 = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync(o.Url + "/api/messages", body, stop);
        var json = await response.Content.ReadAsStringAsync(stop);
        var t1 = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode || json.Length == 0)
        {
            rec.Error("HTTP " + (int)response.StatusCode);
            return;
        }
        rec.Turn(Ms(t0, t1));
    }

    // ---------------------------------------------------------------- Direct Line

    private sealed class DlConversation : IDisposable
    {
        public required string Id;
        public required string Token;
        public required string User;
        public string? StreamUrl;
        public string? Watermark;
        public ClientWebSocket? Socket;
        public Task? Reader;
        public readonly ReplyBox Box = new();

        public void Dispose() => Socket?.Dispose();
    }

    private double ServerCpuSeconds() => Proc.CpuSeconds(o.Pid) + o.MorePids.Sum(Proc.CpuSeconds);

    private long ServerKb(string key)
    {
        var total = Proc.StatusKb(o.Pid, key);
        foreach (var pid in o.MorePids)
        {
            total += Proc.StatusKb(pid, key);
        }
        return total;
    }

    private string NextBaseUrl() =>
        o.Urls.Length <= 1 ? o.Url : o.Urls[(int)((uint)Interlocked.Increment(ref roundRobin) % (uint)o.Urls.Length)];

    private HttpRequestMessage Request(HttpMethod method, string path, string? token, string? json)
    {
        var request = new HttpRequestMessage(method, NextBaseUrl() + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    private async Task<JsonNode> SendJsonAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"{request.Method} {request.RequestUri!.AbsolutePath.Split('/')[^1]} → {(int)response.StatusCode}", null, response.StatusCode);
            }
            return JsonNode.Parse(text)!;
        }
    }

    private async Task<DlConversation> OpenAsync(bool socket, CancellationToken ct)
    {
        var user = "dl_bench_" + Interlocked.Increment(ref seq).ToString(CultureInfo.InvariantCulture);
        var grant = await SendJsonAsync(Request(HttpMethod.Post, "/api/directline/token", null, $"{{\"user\":{{\"id\":\"{user}\"}}}}"), ct);
        var token = (string)grant["token"]!;
        var started = await SendJsonAsync(Request(HttpMethod.Post, "/v3/directline/conversations", token, $"{{\"user\":{{\"id\":\"{user}\"}},\"locale\":\"{o.Locale}\"}}"), ct);
        var c = new DlConversation { Id = (string)started["conversationId"]!, Token = token, User = user, StreamUrl = (string?)started["streamUrl"] };
        if (socket)
        {
            c.Socket = new ClientWebSocket();
            c.Socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await c.Socket.ConnectAsync(new Uri(c.StreamUrl!), ct);
            c.Reader = Task.Run(() => ReadSocketAsync(c));
            await WithTimeout(c.Box.WaitAnyAsync(), "greeting (ws)", ct);
        }
        else
        {
            await PollAsync(c, null, ct); // the greeting
        }
        return c;
    }

    private static async Task<T> WithTimeout<T>(Task<T> task, string what, CancellationToken ct)
    {
        var done = await Task.WhenAny(task, Task.Delay(ReplyTimeout, ct));
        if (done != task)
        {
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException("no reply within 15 s: " + what);
        }
        return await task;
    }

    private static async Task ReadSocketAsync(DlConversation c)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (c.Socket!.State == WebSocketState.Open)
            {
                var r = await c.Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }
                if (message.Length > 0)
                {
                    var set = JsonNode.Parse(message.ToArray());
                    foreach (var a in set?["activities"]?.AsArray() ?? [])
                    {
                        if (IsBotMessage(a, c.User))
                        {
                            Trace(a);
                            c.Box.Arrived((string?)a!["replyToId"] ?? "");
                        }
                    }
                }
                message.SetLength(0);
            }
        }
        catch (Exception) when (c.Socket!.State != WebSocketState.Open)
        {
            // closed by us or the server
        }
    }

    private static bool IsBotMessage(JsonNode? a, string user) =>
        a is not null && (string?)a["type"] == "message" && (string?)a["from"]?["id"] != user && (string?)a["from"]?["role"] != "user";

    /// <summary>Polls GET activities until a bot message answering <paramref name="replyTo"/> (or any bot message, if null) is there.</summary>
    private async Task<long> PollAsync(DlConversation c, string? replyTo, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        var delayMs = 0;
        for (var attempt = 0; attempt < 5000; attempt++)
        {
            var path = $"/v3/directline/conversations/{Uri.EscapeDataString(c.Id)}/activities" + (c.Watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(c.Watermark));
            var set = await SendJsonAsync(Request(HttpMethod.Get, path, c.Token, null), ct);
            c.Watermark = (string?)set["watermark"] ?? c.Watermark;
            foreach (var a in set["activities"]?.AsArray() ?? [])
            {
                if (IsBotMessage(a, c.User))
                {
                    Trace(a);
                }
                if (IsBotMessage(a, c.User) && (replyTo is null || (string?)a!["replyToId"] is null || (string?)a!["replyToId"] == replyTo))
                {
                    return Stopwatch.GetTimestamp();
                }
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                break;
            }
            delayMs = Math.Min(20, delayMs == 0 ? 1 : delayMs * 2);
            await Task.Delay(delayMs, ct);
        }
        throw new TimeoutException("no reply within 15 s (poll)");
    }

    private async Task<(long Start, long End)> TurnAsync(DlConversation c, string text, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = c.User, ["role"] = "user" },
            ["locale"] = o.Locale,
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
        }.ToJsonString();
        var t0 = Stopwatch.GetTimestamp();
        var posted = await SendJsonAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(c.Id)}/activities", c.Token, body), ct);
        var id = (string)posted["id"]!;
        long t1;
        if (c.Socket is not null)
        {
            t1 = await WithTimeout(c.Box.WaitAsync(id), "turn (ws)", ct);
            t1 = Math.Max(t1, t0);
        }
        else
        {
            t1 = await PollAsync(c, id, ct);
        }
        return (t0, t1);
    }

    /// <summary>
    /// The paced modes' pause after a reply: uniform 0.5-1.5 x the think time, because users do not answer in lockstep
    /// (a fixed pause would keep all conversations in phase and turn the load into bursts of every conversation at once).
    /// </summary>
    private Task ThinkAsync(CancellationToken stop) => o.Think > 0
        ? Task.Delay(TimeSpan.FromMilliseconds(o.Think * (0.5 + Random.Shared.NextDouble())), stop)
        : Task.CompletedTask;

    private async Task DirectLineConversationAsync(bool socket, CancellationToken stop)
    {
        using var c = await OpenAsync(socket, stop);
        try
        {
            foreach (var text in o.Turns)
            {
                var (t0, t1) = await TurnAsync(c, text, stop);
                rec.Turn(Ms(t0, t1));
                await ThinkAsync(stop);
            }
            Interlocked.Increment(ref conversationsCompleted);
        }
        finally
        {
            if (c.Socket is { State: WebSocketState.Open })
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await c.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", close.Token);
                }
                catch (Exception)
                {
                    // best effort
                }
            }
        }
    }

    // ---------------------------------------------------------------- peer (Bot Framework /api/messages + serviceUrl listener)

    private async Task<WebApplication> StartListenerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{o.ListenPort}");
        var app = builder.Build();
        long ids = 0;
        async Task<IResult> Receive(HttpContext ctx, string conversationId)
        {
            var activity = await JsonNode.ParseAsync(ctx.Request.Body);
            Trace(activity);
            if (peerBoxes.TryGetValue(conversationId, out var box) && (string?)activity?["type"] == "message")
            {
                box.Arrived((string?)activity!["replyToId"] ?? (string?)ctx.Request.RouteValues["activityId"] ?? "");
            }
            return Results.Json(new { id = "r" + Interlocked.Increment(ref ids).ToString(CultureInfo.InvariantCulture) });
        }
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext ctx, string conversationId) => Receive(ctx, conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext ctx, string conversationId) => Receive(ctx, conversationId));
        await app.StartAsync();
        return app;
    }

    private async Task PeerConversationAsync(int worker, CancellationToken stop)
    {
        var n = Interlocked.Increment(ref seq).ToString(CultureInfo.InvariantCulture);
        var conversationId = "bench-conv-" + n;
        var box = new ReplyBox();
        peerBoxes[conversationId] = box;
        try
        {
            var serviceUrl = $"http://127.0.0.1:{o.ListenPort}/";
            JsonObject Activity(string type, string id) => new()
            {
                ["type"] = type,
                ["id"] = id,
                ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["channelId"] = "directline",
                ["serviceUrl"] = serviceUrl,
                ["from"] = new JsonObject { ["id"] = "dl_bench_" + n, ["role"] = "user" },
                ["recipient"] = new JsonObject { ["id"] = "peerbot", ["role"] = "bot" },
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["locale"] = o.Locale,
            };
            var join = Activity("conversationUpdate", "j" + n);
            join["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "peerbot" }, new JsonObject { ["id"] = "dl_bench_" + n });
            await PostPeerAsync(join.ToJsonString(), stop);
            await WithTimeout(box.WaitAnyAsync(), "greeting (peer)", stop);
            var k = 0;
            foreach (var text in o.Turns)
            {
                var id = $"u{n}-{k++}";
                var message = Activity("message", id);
                message["text"] = text;
                message["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") };
                var t0 = Stopwatch.GetTimestamp();
                var wait = box.WaitAsync(id);
                await PostPeerAsync(message.ToJsonString(), stop);
                var returned = Stopwatch.GetTimestamp(); // the turn is over: every reply was POSTed to the listener
                var t1 = await WithTimeout(wait, "turn (peer)", stop);
                rec.Turn(Ms(t0, Math.Max(returned, t1)));
                await ThinkAsync(stop);
            }
            Interlocked.Increment(ref conversationsCompleted);
        }
        finally
        {
            peerBoxes.TryRemove(conversationId, out _);
        }
    }

    private async Task PostPeerAsync(string json, CancellationToken ct)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(o.Url + "/api/messages", body, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException("peer /api/messages → " + (int)response.StatusCode);
        }
    }

    // ---------------------------------------------------------------- idle conversations

    private async Task<int> OpenManyAsync(int count, bool socket, List<DlConversation>? keep, bool oneTurn, TimeSpan limit)
    {
        using var stop = new CancellationTokenSource(limit);
        var next = -1;
        var opened = 0;
        var sync = new Lock();
        async Task Worker()
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref next) < count)
            {
                try
                {
                    var c = await OpenAsync(socket, stop.Token);
                    if (oneTurn)
                    {
                        await TurnAsync(c, o.Turns[0], stop.Token);
                    }
                    if (keep is not null)
                    {
                        lock (sync)
                        {
                            keep.Add(c);
                        }
                    }
                    Interlocked.Increment(ref opened);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    rec.Error("open: " + e.GetType().Name + ": " + e.Message);
                    if (rec.Errors > 200)
                    {
                        return;
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(_ => Task.Run(Worker)));
        return opened;
    }

    public async Task<JsonObject> IdleAsync()
    {
        // Warm up (JIT, pools, SQLite pages) with a few conversations, then measure.
        var warm = await OpenManyAsync(Math.Min(500, o.Count / 10), socket: false, keep: null, oneTurn: true, TimeSpan.FromSeconds(60));
        await Task.Delay(3000);
        var rssBefore = Proc.StatusKb(o.Pid, "VmRSS");
        var anonBefore = Proc.StatusKb(o.Pid, "RssAnon");
        var t0 = Stopwatch.GetTimestamp();
        var opened = await OpenManyAsync(o.Count, socket: false, keep: null, oneTurn: true, TimeSpan.FromSeconds(o.SetupLimit));
        var seconds = Ms(t0, Stopwatch.GetTimestamp()) / 1000;
        var rssAfter = Proc.StatusKb(o.Pid, "VmRSS");
        await Task.Delay(10_000); // idle: let background work settle, then read again
        var rssIdle = Proc.StatusKb(o.Pid, "VmRSS");
        var anonIdle = Proc.StatusKb(o.Pid, "RssAnon");
        return new JsonObject
        {
            ["mode"] = "idle",
            ["warmup_conversations"] = warm,
            ["conversations"] = opened,
            ["open_seconds"] = Math.Round(seconds, 1),
            ["open_per_s"] = Math.Round(opened / seconds, 1),
            ["errors"] = rec.Errors,
            ["error_kinds"] = rec.ErrorKinds(),
            ["server_rss_before_kb"] = rssBefore,
            ["server_rss_after_kb"] = rssAfter,
            ["server_rss_after_idle_10s_kb"] = rssIdle,
            ["server_rss_peak_kb"] = Proc.StatusKb(o.Pid, "VmHWM"),
            ["bytes_per_conversation"] = opened == 0 ? null : (rssIdle - rssBefore) * 1024 / opened,
            // RSS = anonymous (managed heap, native heaps, stacks) + file-backed (mapped files: with PRAGMA mmap_size, the SQLite database itself).
            ["server_rss_anon_before_kb"] = anonBefore,
            ["server_rss_anon_after_idle_10s_kb"] = anonIdle,
            ["server_rss_file_after_idle_10s_kb"] = Proc.StatusKb(o.Pid, "RssFile"),
            ["anon_bytes_per_conversation"] = opened == 0 ? null : (anonIdle - anonBefore) * 1024 / opened,
        };
    }

    // ---------------------------------------------------------------- sockets

    public async Task<JsonObject> SocketsAsync()
    {
        var rssBefore = Proc.StatusKb(o.Pid, "VmRSS");
        var conversations = new List<DlConversation>(o.Count);
        var t0 = Stopwatch.GetTimestamp();
        var opened = await OpenManyAsync(o.Count, socket: true, keep: conversations, oneTurn: false, TimeSpan.FromSeconds(o.SetupLimit));
        var openSeconds = Ms(t0, Stopwatch.GetTimestamp()) / 1000;
        var openErrors = rec.ErrorKinds();
        var rssOpen = Proc.StatusKb(o.Pid, "VmRSS");
        var cpu0 = Proc.CpuSeconds(o.Pid);
        rec.Measuring = true;
        var start = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Duration + 20));
        long sent = 0;
        async Task Talk(DlConversation c, int index)
        {
            var offset = o.Interval * index / Math.Max(1, conversations.Count);
            var k = 0;
            for (var round = 0; round < 1000; round++)
            {
                var due = offset + round * o.Interval;
                if (due >= o.Duration)
                {
                    return;
                }
                var wait = due - Ms(start, Stopwatch.GetTimestamp()) / 1000;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), stop.Token);
                }
                try
                {
                    Interlocked.Increment(ref sent);
                    var (a, b) = await TurnAsync(c, o.Turns[k++ % o.Turns.Count], stop.Token);
                    rec.Turn(Ms(a, b));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    rec.Error("message: " + e.GetType().Name + ": " + e.Message);
                }
            }
        }
        try
        {
            await Task.WhenAll(conversations.Select((c, i) => Task.Run(() => Talk(c, i))));
        }
        catch (OperationCanceledException)
        {
            rec.Error("talk phase cancelled at its time limit");
        }
        rec.Measuring = false;
        var cpu1 = Proc.CpuSeconds(o.Pid);
        var stillOpen = conversations.Count(c => c.Socket?.State == WebSocketState.Open);
        var result = new JsonObject
        {
            ["mode"] = "sockets",
            ["target"] = o.Count,
            ["sockets_opened"] = opened,
            ["sockets_open_at_end"] = stillOpen,
            ["open_seconds"] = Math.Round(openSeconds, 1),
            ["open_error_kinds"] = openErrors,
            ["interval_s"] = o.Interval,
            ["duration_s"] = o.Duration,
            ["messages_sent"] = sent,
            ["delivered"] = rec.Turns,
            ["errors"] = rec.Errors,
            ["error_kinds"] = rec.ErrorKinds(),
            ["delay"] = rec.Percentiles(),
            ["server_cpu_s"] = Math.Round(cpu1 - cpu0, 2),
            ["server_rss_before_kb"] = rssBefore,
            ["server_rss_open_kb"] = rssOpen,
            ["server_rss_end_kb"] = Proc.StatusKb(o.Pid, "VmRSS"),
            ["server_rss_peak_kb"] = Proc.StatusKb(o.Pid, "VmHWM"),
            ["bytes_per_socket"] = opened == 0 ? null : (rssOpen - rssBefore) * 1024 / opened,
        };
        foreach (var c in conversations)
        {
            c.Socket?.Abort();
            c.Dispose();
        }
        return result;
    }
}
