# PteGen ABI baseline: one line per claim per valid configuration; see https://github.com/ptegen/ptegen/blob/main/docs/abi-baseline.md
Demo.Paging.DemoEntry under None: [00] Valid Hardware role=Present guest=allowed when=always
Demo.Paging.DemoEntry under None: [01-47] Address Hardware role=None guest=allowed when=always
Demo.Paging.DemoEntry under None: [48-55] Software GuestAvailable role=None guest=allowed when=always
Demo.Paging.DemoEntry under None: [56-63] Spare GuestAvailable role=None guest=allowed when=!Tagged
Demo.Paging.DemoEntry under Tagged: [00] Valid Hardware role=Present guest=allowed when=always
Demo.Paging.DemoEntry under Tagged: [01-47] Address Hardware role=None guest=allowed when=always
Demo.Paging.DemoEntry under Tagged: [48-55] Software GuestAvailable role=None guest=allowed when=always
Demo.Paging.DemoEntry under Tagged: [56-63] Tag XenReserved role=None guest=refused when=Tagged
