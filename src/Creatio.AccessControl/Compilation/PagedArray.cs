using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>An immutable array kept in pages, so that a copy with one element changed copies one page and the list of
/// pages: what a change of one user's memberships costs, instead of an array with an element per user (which, past
/// 85 KB, is allocated on the large object heap on every change).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class PagedArray<T>
{
    private const int PageBits = 10;
    private const int PageSize = 1 << PageBits;
    private const int PageMask = PageSize - 1;

    private readonly T[][] _pages;

    /// <summary>Creates an array holding <paramref name="items"/>.</summary>
    public PagedArray(ReadOnlySpan<T> items)
    {
        _pages = new T[(items.Length + PageMask) >> PageBits][];
        for (int p = 0; p < _pages.Length; p++)
        {
            int start = p << PageBits;
            _pages[p] = items.Slice(start, Math.Min(PageSize, items.Length - start)).ToArray();
        }

        Length = items.Length;
    }

    private PagedArray(T[][] pages, int length)
    {
        _pages = pages;
        Length = length;
    }

    /// <summary>Gets the number of elements.</summary>
    public int Length { get; }

    /// <summary>Gets an element.</summary>
    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _pages[index >> PageBits][index & PageMask];
    }

    /// <summary>Returns a copy with one element replaced; this array is unchanged.</summary>
    public PagedArray<T> With(int index, T value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        var pages = (T[][])_pages.Clone();
        T[] page = (T[])pages[index >> PageBits].Clone();
        page[index & PageMask] = value;
        pages[index >> PageBits] = page;
        return new PagedArray<T>(pages, Length);
    }
}
