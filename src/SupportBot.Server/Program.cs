// Placeholder host until the pipeline issue lands: the command in the README is already the final one.
Console.WriteLine("SupportBot: the host is not ready yet (coming with the Direct Line issue).");
