"""ONNX export of causal LMs (input_ids, attention_mask -> logits, dynamic batch and sequence axes),
checked against torch with onnxruntime."""
import numpy as np
import onnxruntime
import torch


class LogitsOnly(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids=input_ids, attention_mask=attention_mask, use_cache=False).logits


def export(model, path, vocab: int, seed: int) -> float:
    """Writes the model to `path` and returns the max |logit difference| against torch on a padded
    batch of a shape different from the trace shape."""
    model = model.float().eval()
    wrapper = LogitsOnly(model)
    ids = torch.randint(0, vocab, (2, 16), generator=torch.Generator().manual_seed(seed))
    mask = torch.ones_like(ids)
    torch.onnx.export(wrapper, (ids, mask), str(path), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "logits": {0: "batch", 1: "sequence"}})
    test_ids = torch.randint(0, vocab, (3, 23), generator=torch.Generator().manual_seed(seed + 1))
    test_mask = torch.ones_like(test_ids)
    test_mask[1, 17:] = 0  # right padding on one row
    with torch.no_grad():
        expected = wrapper(test_ids, test_mask).numpy()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    got = session.run(["logits"], {"input_ids": test_ids.numpy(), "attention_mask": test_mask.numpy()})[0]
    valid = test_mask.numpy().astype(bool)  # padded positions' logits are not defined the same way
    return float(np.abs(got - expected)[valid].max())
