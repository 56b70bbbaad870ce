extern alias Generators;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using GuestUsageAnalyzer = Generators::PteGen.Generators.Usage.GuestUsageAnalyzer;

namespace PteGen.Tests.Infrastructure;

/// <summary>What a code fix offered for one diagnostic, and the document text after applying its (only) action.</summary>
internal sealed record FixOutcome(Diagnostic Diagnostic, ImmutableArray<CodeAction> Actions, string? Fixed);
