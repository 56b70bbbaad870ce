using System;
using PteGen;
using XenPv;

var entry = new L1e(0x8000000012345067UL);
Console.WriteLine(entry);
Console.WriteLine(L1e.AdjustGuestL1e(entry.WithUser(false), PvDomainKind.Pv64));
Console.WriteLine(L1e.AdjustGuestL1e(new L1e(0x12345001), PvDomainKind.Pv64, XenConfig.Debug));
