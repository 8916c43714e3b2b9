using System.Text.RegularExpressions;

namespace SupportBot.Flows.Conditions;

/// <summary>
/// Parses the tiny condition language: <c>slot op literal</c> or <c>slot is set</c> / <c>slot is not set</c>, joined by <c>and</c>/<c>or</c>
/// (and binds tighter), with parentheses. Nothing else is allowed, so conditions stay safe and checkable.
/// </summary>
public static partial class ConditionParser
{
    /// <summary>Parses a condition or returns an error message.</summary>
    public static (Condition? Condition, string? Error) Parse(string text)
    {
        var tokens = Tokenize().Matches(text).Select(m => m.Value).ToList();
        if (string.Concat(tokens) != Regex.Replace(text, @"\s+", ""))
            return (null, $"condition '{text}' contains characters the condition language does not allow");
        var reader = new TokenReader(tokens);
        try
        {
            var result = ParseOr(reader);
            if (!reader.AtEnd) throw new FormatException($"unexpected '{reader.Peek}'");
            return (result, null);
        }
        catch (FormatException e)
        {
            return (null, $"condition '{text}' is not valid: {e.Message}");
        }
    }

    private static Condition ParseOr(TokenReader r)
    {
        var left = ParseAnd(r);
        while (r.TryTake("or")) { var right = ParseAnd(r); left = new LogicalCondition($"{left.Text} or {right.Text}", false, left, right); }
        return left;
    }

    private static Condition ParseAnd(TokenReader r)
    {
        var left = ParseTerm(r);
        while (r.TryTake("and")) { var right = ParseTerm(r); left = new LogicalCondition($"{left.Text} and {right.Text}", true, left, right); }
        return left;
    }

    private static Condition ParseTerm(TokenReader r)
    {
        if (r.TryTake("("))
        {
            var inner = ParseOr(r);
            if (!r.TryTake(")")) throw new FormatException("missing ')'");
            return inner with { Text = $"({inner.Text})" };
        }
        var slot = r.Take("a slot name");
        if (!SlotName().IsMatch(slot)) throw new FormatException($"'{slot}' is not a slot name");
        if (r.TryTake("is"))
        {
            var negated = r.TryTake("not");
            if (!r.TryTake("set")) throw new FormatException("expected 'is set' or 'is not set'");
            return new SlotSetCondition($"{slot} is {(negated ? "not " : "")}set", slot, !negated);
        }
        var op = r.Take("an operator");
        if (!ComparisonCondition.Operators.Contains(op)) throw new FormatException($"'{op}' is not one of == != < <= > >=");
        var literal = r.Take("a value");
        if (literal is "(" or ")" or "and" or "or" || ComparisonCondition.Operators.Contains(literal))
            throw new FormatException($"'{literal}' is not a value");
        literal = literal.Length >= 2 && literal[0] is '"' or '\'' ? literal[1..^1] : literal;
        return new ComparisonCondition($"{slot} {op} {literal}", slot, op, literal);
    }

    private sealed class TokenReader(List<string> tokens)
    {
        private int _next;

        public bool AtEnd => _next >= tokens.Count;

        public string Peek => AtEnd ? "end" : tokens[_next];

        public bool TryTake(string token)
        {
            if (AtEnd || !string.Equals(tokens[_next], token, StringComparison.OrdinalIgnoreCase)) return false;
            _next++;
            return true;
        }

        public string Take(string what) => AtEnd ? throw new FormatException($"expected {what} at the end") : tokens[_next++];
    }

    // Quoted strings, operators, parentheses, or a run of word characters / dots / hyphens.
    [GeneratedRegex(@"""[^""]*""|'[^']*'|==|!=|<=|>=|<|>|\(|\)|[\p{L}\p{N}_.\-]+")]
    private static partial Regex Tokenize();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.]*$")]
    private static partial Regex SlotName();
}
