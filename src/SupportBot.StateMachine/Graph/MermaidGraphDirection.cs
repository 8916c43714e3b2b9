namespace SupportBot.StateMachine.Graph;

/// <summary>Layout direction of a Mermaid state diagram.</summary>
public enum MermaidGraphDirection
{
    /// <summary>Top to bottom (TB).</summary>
    TopToBottom,

    /// <summary>Bottom to top (BT).</summary>
    BottomToTop,

    /// <summary>Left to right (LR).</summary>
    LeftToRight,

    /// <summary>Right to left (RL).</summary>
    RightToLeft,
}
