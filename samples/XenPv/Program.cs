using System;
using XenPv;

var entry = new L1e(0x8000000012345067UL);
Console.WriteLine(entry);
Console.WriteLine(entry.WithGrantMapping(true).ToString(XenConfig.Debug));
Console.WriteLine($"Xen bits under Debug: 0x{L1e.XenReservedBits(XenConfig.Debug):x16}");
