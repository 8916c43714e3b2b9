Console.WriteLine("supportbot-agent: not ready yet.");
