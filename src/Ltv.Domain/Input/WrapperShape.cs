using System.Text.Json;

namespace Ltv.Domain.Input;

/// <summary>
/// Watches a top-level object for the shape real inputs wrap events in, <c>{"events": [ ... ]}</c>: one member,
/// whose value is an array of events, empty or with an object first (DESIGN.md, "Input"). Whether the array is the
/// only member is known only when the object ends, and an event may well start with an array member
/// (<c>{"tags": [...], "type": ...}</c>), so the elements' places are noted while the object is read and the scanner
/// decides at its end. An object too large to be a record is read as a wrapper as soon as it has that shape so far
/// (<see cref="StreamsOn"/>): as a record it would be refused anyway.
/// </summary>
internal sealed class WrapperShape
{
    private readonly List<(long Start, long End)> _elements = [];
    private int _objectDepth = -1;
    private int _members;
    private bool _alive;
    private bool _firstIsArray;

    /// <summary>Inside the wrapped array.</summary>
    public bool InArray { get; private set; }

    /// <summary>Where the element being read starts, or -1 between elements.</summary>
    public long ElementStart { get; private set; } = -1;

    /// <summary>The depth of the array's elements, for the nesting limit and for reading on as an array.</summary>
    public int ElementDepth => _objectDepth + 2;

    /// <summary>Whether the object read so far may still be a wrapper whose elements can be read on one at a time.</summary>
    public bool StreamsOn => _alive && _firstIsArray;

    public IReadOnlyList<(long Start, long End)> Elements => _elements;

    /// <summary>A new top-level value starts: an object at <paramref name="depth"/>, or something that is no wrapper.</summary>
    public void Begin(bool isObject, int depth)
    {
        _elements.Clear();
        _objectDepth = depth;
        _members = 0;
        _alive = isObject;
        _firstIsArray = false;
        InArray = false;
        ElementStart = -1;
    }

    /// <summary>Stops watching: the scanner reads on without it.</summary>
    public void End() => _alive = false;

    /// <summary>True when the object that just ended had the wrapper's shape.</summary>
    public bool IsWrapper => _alive && _firstIsArray && !InArray && _members == 1;

    public void Observe(JsonTokenType type, int depth, long tokenStart, long tokenEnd)
    {
        if (!_alive)
        {
            return;
        }

        if (depth == _objectDepth + 1)
        {
            OnMember(type);
        }
        else if (InArray && depth == ElementDepth)
        {
            OnElementToken(type, tokenStart, tokenEnd);
        }
    }

    private void OnMember(JsonTokenType type)
    {
        switch (type)
        {
            case JsonTokenType.PropertyName:
                _alive = ++_members == 1;
                break;
            case JsonTokenType.StartArray when _members == 1 && !_firstIsArray:
                _firstIsArray = InArray = true;
                break;
            case JsonTokenType.EndArray when InArray:
                InArray = false;
                break;
            default:
                _alive = false;
                break;
        }
    }

    private void OnElementToken(JsonTokenType type, long tokenStart, long tokenEnd)
    {
        // An array of events: one whose first element is an object ({"deep": [[...]]} is a record with an odd value).
        if (_elements.Count == 0 && ElementStart < 0 && type != JsonTokenType.StartObject)
        {
            _alive = false;
            return;
        }

        switch (type)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                ElementStart = tokenStart;
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                _elements.Add((ElementStart, tokenEnd));
                ElementStart = -1;
                break;
            default:
                _elements.Add((tokenStart, tokenEnd));
                break;
        }
    }
}
