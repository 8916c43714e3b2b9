using System.Security.Cryptography;
using System.Text;

namespace SupportBot.AgentLink.Pairing;

/// <summary>Makes, normalises and hashes pairing codes.</summary>
internal static class PairingCodes
{
    /// <summary>No 0/O, 1/I/L: a beginner reads the code off the chat and types it.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>8 characters from 31 = ~39.6 bits: with the lock-outs a guess is hopeless within 10 minutes.</summary>
    public const int Length = 8;

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases and drops spaces and hyphens; null when the input cannot be a code.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32) return null;
        var builder = new StringBuilder(Length);
        foreach (var c in input)
        {
            if (c is ' ' or '-') continue;
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal)) return null;
            builder.Append(upper);
        }
        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>Only the hash is stored, so a copy of the database does not hand out live codes.</summary>
    public static string Hash(string normalisedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("agentlink-code:" + normalisedCode)));
}
