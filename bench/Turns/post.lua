-- wrk script for the ceiling: POST a ~1 KB Activity (the same shape the load client's "single" mode sends).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local pad = string.rep("x", 560)
wrk.body = '{"type":"message","id":"a1","timestamp":"2026-11-23T00:00:00.0000000+00:00","channelId":"directline",'
  .. '"serviceUrl":"http://127.0.0.1:1/","from":{"id":"dl_bench_user","name":"bench","role":"user"},'
  .. '"recipient":{"id":"supportbot","name":"SupportBot","role":"bot"},"conversation":{"id":"c1"},"locale":"ja-JP",'
  .. '"text":"はい","channelData":{"clientActivityID":"0123456789abcdef0123456789abcdef","padding":"' .. pad .. '"}}'
