{
  "$schema": "https://github.com/ptegen/ptegen/blob/main/docs/abi-json.md",
  "format": "ptegen-abi",
  "version": 1,
  "assembly": "Demo.Paging",
  "layouts": [
    {
      "name": "Demo.Paging.DemoEntry",
      "namespace": "Demo.Paging",
      "simpleName": "DemoEntry",
      "level": 0,
      "summary": "A small entry of a made-up hypervisor: a valid bit, an address, software bits and an optional tag.",
      "switchesType": "Demo.Paging.DemoConfig",
      "noSwitchesName": "None",
      "switches": [
        {
          "name": "Tagged",
          "value": "0x1",
          "summary": "Address-space tags on: the hypervisor keeps bits 56-63 (`demo/tags.c`)."
        }
      ],
      "configurations": [
        {
          "name": "None",
          "value": "0x0",
          "hardwareBits": "0x0000FFFFFFFFFFFF",
          "xenReservedBits": "0x0000000000000000",
          "guestAvailableBits": "0xFFFF000000000000",
          "guestRefusedBits": "0x0000000000000000"
        },
        {
          "name": "Tagged",
          "value": "0x1",
          "hardwareBits": "0x0000FFFFFFFFFFFF",
          "xenReservedBits": "0xFF00000000000000",
          "guestAvailableBits": "0x00FF000000000000",
          "guestRefusedBits": "0xFF00000000000000"
        }
      ],
      "configurationDependentBits": "0xFF00000000000000",
      "fields": [
        {
          "name": "Valid",
          "low": 0,
          "high": 0,
          "width": 1,
          "mask": "0x0000000000000001",
          "owner": "Hardware",
          "role": "Present",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Tagged"
          ],
          "summary": "V: the entry is valid (`demo/entry.c`, `check_entry`)."
        },
        {
          "name": "Address",
          "low": 1,
          "high": 47,
          "width": 47,
          "mask": "0x0000FFFFFFFFFFFE",
          "owner": "Hardware",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Tagged"
          ],
          "summary": "The physical address."
        },
        {
          "name": "Software",
          "low": 48,
          "high": 55,
          "width": 8,
          "mask": "0x00FF000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None",
            "Tagged"
          ],
          "summary": "The guest's software bits; `Tag` is the hypervisor's."
        },
        {
          "name": "Tag",
          "low": 56,
          "high": 63,
          "width": 8,
          "mask": "0xFF00000000000000",
          "owner": "XenReserved",
          "role": "None",
          "when": "Tagged",
          "guestWrite": "refused",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "Tagged"
          ],
          "summary": "The address-space tag, under `Tagged`: a guest entry that sets it is refused."
        },
        {
          "name": "Spare",
          "low": 56,
          "high": 63,
          "width": 8,
          "mask": "0xFF00000000000000",
          "owner": "GuestAvailable",
          "role": "None",
          "when": "!Tagged",
          "guestWrite": "allowed",
          "relocatable": false,
          "optional": false,
          "configurations": [
            "None"
          ],
          "summary": "Free for the guest when tags are off."
        }
      ]
    }
  ]
}
