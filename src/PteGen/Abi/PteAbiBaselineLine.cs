// Compiled into both PteGen.dll (public) and the generator (internal).
namespace PteGen
{
    /// <summary>A line of a baseline file that is not blank or a comment: its fact, or why it is not one.</summary>
#if PTEGEN_GENERATOR
    internal
#else
    public
#endif
    sealed class PteAbiBaselineLine
    {
        /// <summary>Creates a line (<see cref="PteAbiBaseline.Read"/> does).</summary>
        /// <param name="lineIndex">The line's index in the file, from 0.</param>
        /// <param name="text">The line's text, without its line break.</param>
        /// <param name="fact">The fact, when the line is one.</param>
        /// <param name="error">Why the line is not a fact, when it is not.</param>
        public PteAbiBaselineLine(int lineIndex, string text, PteAbiFact? fact, string? error)
        {
            LineIndex = lineIndex;
            Text = text;
            Fact = fact;
            Error = error;
        }

        /// <summary>The line's index in the file, from 0.</summary>
        public int LineIndex { get; }

        /// <summary>The line's text, without its line break.</summary>
        public string Text { get; }

        /// <summary>The fact; <see langword="null"/> when the line is not one.</summary>
        public PteAbiFact? Fact { get; }

        /// <summary>Why the line is not a fact; <see langword="null"/> when it is one.</summary>
        public string? Error { get; }
    }
}
